package org.rightsflow.connector.sql;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the statements of {@link SqlStatements} on one connection, binding every value as a parameter. Long
 * {@code IN} lists are cut into chunks of {@link #CHUNK_SIZE}: drivers and databases cap the number of parameters
 * (PostgreSQL at 65,535), and planners handle moderate lists best. A failure becomes a {@link SqlFailures} message
 * that names the table and the step.
 */
final class SqlExecutor {

    static final int CHUNK_SIZE = 500;

    /** Rows per round trip when a whole table is read ({@link #stream}). */
    static final int STREAM_FETCH_SIZE = 1000;

    /**
     * No statement may run longer than this. A subject's rows are found by index in milliseconds; a statement that
     * takes minutes is waiting on a lock or scanning an unindexed table, and must fail (and be retried) before the
     * Camunda job's lock expires and another job executor starts the same action again.
     */
    static final int QUERY_TIMEOUT_SECONDS = 120;

    private final Connection connection;

    SqlExecutor(Connection connection) {
        this.connection = connection;
    }

    List<Row> select(MappedTable table, String condition, List<Object> params, boolean lock) {
        String sql = SqlStatements.select(table, condition, lock);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                return rows(table, rs);
            }
        } catch (SQLException e) {
            throw SqlFailures.failure("Reading " + table.name(), e);
        }
    }

    /** The rows whose {@code column} holds one of {@code values}, chunk by chunk. */
    List<Row> selectWhereIn(MappedTable table, String column, Collection<Object> values, boolean lock) {
        return selectWhereIn(table, column, values, null, List.of(), lock);
    }

    /**
     * The rows whose {@code column} holds one of {@code values} and that meet {@code condition} (null for none),
     * whose parameters follow those of the {@code IN} list.
     */
    List<Row> selectWhereIn(MappedTable table, String column, Collection<Object> values, String condition,
                            List<Object> conditionParams, boolean lock) {
        List<Row> rows = new ArrayList<>();
        for (List<Object> chunk : chunks(values)) {
            List<Object> params = new ArrayList<>(chunk);
            params.addAll(conditionParams);
            String where = SqlStatements.in(column, chunk.size()) + (condition == null ? "" : " AND " + condition);
            rows.addAll(select(table, where, params, lock));
        }
        return rows;
    }

    /** The distinct non-null values of {@code column} in the rows that meet {@code condition}. */
    List<Object> selectDistinct(MappedTable table, String column, String condition, List<Object> params) {
        try (PreparedStatement statement = connection.prepareStatement(SqlStatements.selectDistinct(table, column,
                condition))) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                int type = JsonValues.columnType(rs.getMetaData(), 1);
                List<Object> values = new ArrayList<>();
                while (rs.next()) {
                    Object value = JsonValues.read(rs, 1, type);
                    if (value != null) {
                        values.add(value);
                    }
                }
                return values;
            }
        } catch (SQLException e) {
            throw SqlFailures.failure("Reading " + table.name(), e);
        }
    }

    /** The distinct non-null values of {@code column} in the rows whose {@code where} holds one of {@code values}. */
    Set<Object> selectDistinctWhereIn(MappedTable table, String column, String where, Collection<Object> values) {
        Set<Object> found = new LinkedHashSet<>();
        for (List<Object> chunk : chunks(values)) {
            found.addAll(selectDistinct(table, column, SqlStatements.in(where, chunk.size()), chunk));
        }
        return found;
    }

    /**
     * Hands every row of {@code sql} to {@code sink} as it arrives, values as {@link JsonValues#read} gives them,
     * without holding the result: the driver fetches {@link #STREAM_FETCH_SIZE} rows at a time (PostgreSQL only
     * inside a transaction, so the caller turns autocommit off). No time limit: reading a whole table of millions of
     * rows legitimately takes a while, and a read holds no locks that would block anyone.
     */
    void stream(String doing, String sql, Consumer<List<Object>> sink) {
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            // MySQL's own driver streams only with this special value; every other driver takes a batch size.
            boolean mysqlDriver = String.valueOf(connection.getMetaData().getDriverName()).contains("MySQL");
            statement.setFetchSize(mysqlDriver ? Integer.MIN_VALUE : STREAM_FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                int[] types = new int[meta.getColumnCount()];
                for (int i = 0; i < types.length; i++) {
                    types[i] = JsonValues.columnType(meta, i + 1);
                }
                while (rs.next()) {
                    List<Object> values = new ArrayList<>(types.length);
                    for (int i = 0; i < types.length; i++) {
                        values.add(JsonValues.read(rs, i + 1, types[i]));
                    }
                    sink.accept(values);
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.failure(doing, e);
        }
    }

    /** How many rows hold one of {@code values} in {@code column}. */
    int countWhereIn(MappedTable table, String column, Collection<Object> values) {
        int count = 0;
        for (List<Object> chunk : chunks(values)) {
            try (PreparedStatement statement = connection.prepareStatement(SqlStatements.count(table,
                    SqlStatements.in(column, chunk.size())))) {
                bind(statement, chunk);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    count += rs.getInt(1);
                }
            } catch (SQLException e) {
                throw SqlFailures.failure("Counting in " + table.name(), e);
            }
        }
        return count;
    }

    int deleteWhereIn(MappedTable table, String column, Collection<Object> values) {
        int deleted = 0;
        for (List<Object> chunk : chunks(values)) {
            deleted += update("Deleting from " + table.name(), SqlStatements.delete(table,
                    SqlStatements.in(column, chunk.size())), chunk);
        }
        return deleted;
    }

    /**
     * Sets {@code values} in the rows whose {@code column} holds one of {@code selectors} and where a value differs;
     * returns how many rows changed.
     */
    int updateWhereIn(String doing, MappedTable table, Map<String, Object> values, String column,
                      Collection<Object> selectors) {
        int updated = 0;
        List<Object> newValues = SqlStatements.nonNull(values);
        for (List<Object> chunk : chunks(selectors)) {
            String sql = SqlStatements.update(table, values, SqlStatements.in(column, chunk.size()) + " AND "
                    + SqlStatements.anyDiffers(values));
            List<Object> params = new ArrayList<>(newValues);
            params.addAll(chunk);
            params.addAll(newValues);
            updated += update(doing, sql, params);
        }
        return updated;
    }

    /** One statement run for many parameter lists in JDBC batches (one round trip per chunk). */
    void batch(String doing, String sql, List<List<Object>> parameterLists) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (List<Object> params : parameterLists) {
                bind(statement, params);
                statement.addBatch();
                if (++pending == CHUNK_SIZE) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        } catch (SQLException e) {
            throw SqlFailures.failure(doing, e instanceof BatchUpdateException && e.getNextException() != null
                    ? e.getNextException() : e);
        }
    }

    /** The JDBC type and type name of each column, from a query that reads no row. */
    Map<String, ColumnType> columnTypes(MappedTable table, Collection<String> columns) {
        try (PreparedStatement statement = connection.prepareStatement(SqlStatements.probe(table, columns));
             ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, ColumnType> types = new LinkedHashMap<>();
            int index = 1;
            for (String column : columns) {
                types.put(column, new ColumnType(meta.getColumnType(index), meta.getColumnTypeName(index)));
                index++;
            }
            return types;
        } catch (SQLException e) {
            throw SqlFailures.failure("Reading the column types of " + table.name(), e);
        }
    }

    record ColumnType(int sqlType, String name) {
    }

    private int update(String doing, String sql, List<Object> params) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.failure(doing, e);
        }
    }

    private static List<Row> rows(MappedTable table, ResultSet rs) throws SQLException {
        List<String> columns = table.readColumns();
        ResultSetMetaData meta = rs.getMetaData();
        int[] types = new int[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = JsonValues.columnType(meta, i + 1);
        }
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < types.length; i++) {
                values.put(columns.get(i), JsonValues.read(rs, i + 1, types[i]));
            }
            rows.add(new Row(values));
        }
        return rows;
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    private static List<List<Object>> chunks(Collection<Object> values) {
        List<Object> all = new ArrayList<>(values);
        List<List<Object>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK_SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK_SIZE)));
        }
        return chunks;
    }
}
