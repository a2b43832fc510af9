package org.rightsflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.SystemDefinitions;

/** The statements as the database sees them: identifiers from the mapping, placeholders for every value. */
class SqlStatementsTest {

    private final SqlMapping mapping = MappingReader.read(SystemDefinitions.parseSingle("shop.yml", """
            key: shop-db
            name: Shop
            ownerGroup: shop-team
            kind: sql
            requestTypes: [ACCESS, DELETION]
            connection:
              url: jdbc:h2:mem:shop
              schema: shop
            """ + SqlConnectorContract.SHOP_DATASET));
    private final MappedTable customers = mapping.identityTable();
    private final MappedTable orders = mapping.tables().get(2);

    @Test
    void theSubjectIsMatchedByPlaceholdersOnly() {
        assertThat(SqlStatements.select(customers, SqlStatements.matchCondition(customers.match(), true, true), true))
                .isEqualTo("SELECT id, customer_number, email, full_name, phone, birth_date, marketing_opt_in, "
                        + "created_on FROM shop.customers WHERE LOWER(email) = ? AND customer_number = ? "
                        + "ORDER BY id FOR UPDATE");
        assertThat(SqlStatements.matchCondition(customers.match(), true, false)).isEqualTo("LOWER(email) = ?");
    }

    @Test
    void childrenAreReadAndDeletedByTheirParentsKeys() {
        assertThat(SqlStatements.select(orders, SqlStatements.in(orders.foreignKey(), 3), false))
                .isEqualTo("SELECT id, customer_id, placed_on, total, shipping_name, shipping_street FROM shop.orders "
                        + "WHERE customer_id IN (?, ?, ?) ORDER BY id");
        assertThat(SqlStatements.delete(orders, SqlStatements.in("customer_id", 2)))
                .isEqualTo("DELETE FROM shop.orders WHERE customer_id IN (?, ?)");
    }

    @Test
    void theLookbackIsAPlaceholderTooAndKeepsUndatedRows() {
        assertThat(SqlStatements.select(orders, SqlStatements.in(orders.foreignKey(), 2) + " AND "
                + SqlStatements.notBefore("placed_on"), false))
                .isEqualTo("SELECT id, customer_id, placed_on, total, shipping_name, shipping_street FROM shop.orders "
                        + "WHERE customer_id IN (?, ?) AND (placed_on IS NULL OR placed_on >= ?) ORDER BY id");
    }

    @Test
    void updatesWriteNullAsALiteralAndChangeOnlyRowsThatDiffer() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("marketing_opt_in", false);
        values.put("segment", null);

        String sql = SqlStatements.update(customers, values, SqlStatements.in("id", 1) + " AND "
                + SqlStatements.anyDiffers(values));

        assertThat(sql).isEqualTo("UPDATE shop.customers SET marketing_opt_in = ?, segment = NULL WHERE id IN (?) AND "
                + "(marketing_opt_in IS NULL OR marketing_opt_in <> ? OR segment IS NOT NULL)");
        assertThat(SqlStatements.nonNull(values)).containsExactly(false);
        assertThat(SqlStatements.keyEquals(orders)).isEqualTo("id = ?");
    }

    @Test
    void noMappedStatementContainsAQuote() {
        for (MappedTable table : mapping.tables()) {
            List<String> statements = List.of(
                    SqlStatements.select(table, SqlStatements.in(table.selectorColumn(), 2), true),
                    SqlStatements.delete(table, SqlStatements.in(table.selectorColumn(), 2)),
                    SqlStatements.probe(table, table.mappedColumns()));
            assertThat(statements).noneMatch(sql -> sql.contains("'") || sql.contains("\"") || sql.contains(";"));
        }
    }
}
