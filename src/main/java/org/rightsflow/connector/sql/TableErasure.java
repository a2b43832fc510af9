package org.rightsflow.connector.sql;

import java.util.List;
import org.rightsflow.connector.LegalBasis;

/**
 * What an erasure does to one table's rows of the subject.
 *
 * @param mode    DELETE the rows, RETAIN them whole, or MASK: keep the rows and apply {@code columns}
 * @param basis   for RETAIN: why the rows are kept; null otherwise
 * @param note    for RETAIN: what they are kept for
 * @param columns for MASK: every column the erasure touches or keeps on purpose, each with its rule
 */
record TableErasure(Mode mode, LegalBasis basis, String note, List<ColumnRule> columns) {

    enum Mode { DELETE, RETAIN, MASK }

    TableErasure {
        columns = List.copyOf(columns);
    }

    List<ColumnRule> masked() {
        return columns.stream().filter(rule -> rule.strategy().masks()).toList();
    }

    List<ColumnRule> retained() {
        return columns.stream().filter(rule -> rule.strategy() == Strategy.RETAIN).toList();
    }
}
