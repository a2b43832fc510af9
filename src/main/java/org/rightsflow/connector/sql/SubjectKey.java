package org.rightsflow.connector.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.rightsflow.connector.DataSubject;

/**
 * What the identity table compares to recognise one subject: the email in lower case and the account id as a value of
 * its column's type, each only when both the mapping and the subject have it. The single-subject finder and the batch
 * both start here, so a batch matches exactly the rows a request for the same person would.
 *
 * @param email     lower-cased, or null when not compared
 * @param accountId a value of the account id column's type, or null when not compared
 */
record SubjectKey(String email, Object accountId) {

    /**
     * The subject's key, or empty when the subject matches nothing: none of the mapped identifiers given (never
     * "everything"), or an account id that is no value of its column's type (text for a numeric column).
     *
     * @param accountIdType the account id column's type, asked only when an account id is to be compared
     */
    static Optional<SubjectKey> of(DataSubject subject, MappedTable.SubjectMatch match,
                                   Supplier<SqlExecutor.ColumnType> accountIdType) {
        String email = blankToNull(subject.email());
        String accountId = blankToNull(subject.accountId());
        boolean byEmail = match.emailColumn() != null && email != null;
        boolean byAccount = match.accountIdColumn() != null && accountId != null;
        if (!byEmail && !byAccount) {
            return Optional.empty();
        }
        Object typedAccountId = null;
        if (byAccount) {
            SqlExecutor.ColumnType type = accountIdType.get();
            try {
                typedAccountId = TypedText.convert(accountId, type.sqlType(), type.name());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new SubjectKey(byEmail ? email.toLowerCase(Locale.ROOT) : null, typedAccountId));
    }

    boolean byEmail() {
        return email != null;
    }

    boolean byAccountId() {
        return accountId != null;
    }

    /** The condition on the identity table (see {@link SqlStatements#matchCondition}). */
    String condition(MappedTable.SubjectMatch match) {
        return SqlStatements.matchCondition(match, byEmail(), byAccountId());
    }

    /** The condition's parameters, in its order. */
    List<Object> params() {
        List<Object> params = new ArrayList<>();
        if (byEmail()) {
            params.add(email);
        }
        if (byAccountId()) {
            params.add(accountId);
        }
        return params;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public String toString() {
        return "SubjectKey[redacted]";
    }
}
