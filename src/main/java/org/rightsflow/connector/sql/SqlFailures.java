package org.rightsflow.connector.sql;

import java.sql.SQLException;
import org.rightsflow.connector.ConnectorException;

/**
 * Turns a driver's SQLException into a message for staff in the database's own terms: what the connector was doing,
 * in which table, and the SQL state with its meaning. The driver's message is left out on purpose: databases quote
 * the offending value ("Key (email)=(…) already exists"), and this text becomes an incident visible to every staff
 * member. For the same reason the SQLException is not attached as the cause.
 */
final class SqlFailures {

    private SqlFailures() {
    }

    static ConnectorException failure(String doing, SQLException e) {
        String state = e.getSQLState() == null ? "unknown" : e.getSQLState();
        return new ConnectorException(doing + " failed: " + meaning(state) + " (SQL state " + state + ", vendor code "
                + e.getErrorCode() + ")");
    }

    /** What a SQL state means, by the standard classes and the codes that come up in practice. */
    static String meaning(String state) {
        return switch (state) {
            case "23503" -> "a foreign key does not allow it (a row elsewhere still refers to this one, or the mapping "
                    + "misses a related table)";
            case "23505" -> "a unique constraint does not allow it";
            case "23502" -> "the column does not allow NULL";
            case "22001" -> "a value is too long for its column";
            case "22007", "22008" -> "a value is not a valid date or time for its column";
            case "42P01", "42S02", "42102" -> "a mapped table does not exist";
            case "42703", "42S22", "42122" -> "a mapped column does not exist";
            case "42501" -> "the database user lacks the permission";
            case "42804" -> "a value does not match the column's type";
            case "40001", "40P01" -> "a concurrent transaction got in the way (serialization failure or deadlock); "
                    + "a retry usually succeeds";
            case "57014" -> "the statement was cancelled (timeout)";
            case "28000", "28P01" -> "the database refused the user name or password";
            case "3D000" -> "the database does not exist";
            case "3F000" -> "the schema does not exist";
            default -> byClass(state);
        };
    }

    private static String byClass(String state) {
        if (state.length() < 2) {
            return "the database reported an error";
        }
        return switch (state.substring(0, 2)) {
            case "08" -> "the connection failed or was lost";
            case "22" -> "a value does not fit its column";
            case "23" -> "a constraint of the database does not allow it";
            case "25" -> "the transaction was in the wrong state (read-only?)";
            case "28" -> "the database refused the credentials";
            case "40" -> "the transaction was rolled back by the database; a retry usually succeeds";
            case "42" -> "the database rejected the statement (a name in the mapping, or a permission)";
            case "53" -> "the database is out of resources";
            case "57" -> "the database cancelled the statement or is shutting down";
            default -> "the database reported an error";
        };
    }
}
