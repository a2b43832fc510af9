package org.rightsflow.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rightsflow.connector.SystemRegistry;

/**
 * The demo shop's database as a test reads it, to compare what a request delivered or changed with what is
 * there. The URL is the one the imported shop-db definition uses (random per application context).
 */
public final class ShopDatabase {

    /** The columns the demo mapping (demo/systems.yml) gives an access request, per table, in its order. */
    public static final Map<String, List<String>> ACCESS_COLUMNS = Map.of(
            "customers", List.of("customer_number", "email", "first_name", "last_name", "phone", "birth_date",
                    "marketing_consent", "sell_share_opt_out", "limit_sensitive_use", "created_at"),
            "addresses", List.of("kind", "street", "city", "postcode", "country"),
            "orders", List.of("order_number", "ordered_at", "total_cents", "currency", "status"),
            "order_lines", List.of("product", "quantity", "unit_price_cents"),
            "newsletter_subscriptions", List.of("list_name", "subscribed_at", "source"),
            "support_tickets", List.of("subject", "body", "opened_at", "status"));

    /** A text column per table whose values read the same in the database, the JSON and the CSV. */
    public static final Map<String, String> TEXT_COLUMN = Map.of("customers", "email", "addresses", "street",
            "orders", "order_number", "order_lines", "product", "newsletter_subscriptions", "list_name",
            "support_tickets", "subject");

    private static final Map<String, String> ROWS_OF_CUSTOMER = Map.of(
            "customers", "select %s from customers where id = ?",
            "addresses", "select %s from addresses where customer_id = ?",
            "orders", "select %s from orders where customer_id = ?",
            "order_lines", "select %s from order_lines where order_id in (select id from orders where customer_id = ?)",
            "newsletter_subscriptions", "select %s from newsletter_subscriptions where customer_id = ?",
            "support_tickets", "select %s from support_tickets where customer_id = ?");

    private final String url;

    private ShopDatabase(String url) {
        this.url = url;
    }

    public static ShopDatabase of(SystemRegistry systems) {
        return new ShopDatabase(systems.definition(systems.find("shop-db").orElseThrow().id()).connection().at("url").value().toString());
    }

    /** The customer's opt-out flags: sell_share_opt_out, marketing_consent, limit_sensitive_use. */
    public Map<String, Boolean> flagsOf(int customerId) throws SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "sa", "");
             java.sql.PreparedStatement select = connection.prepareStatement("select sell_share_opt_out, "
                     + "marketing_consent, limit_sensitive_use from customers where id = ?")) {
            select.setInt(1, customerId);
            try (java.sql.ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("no demo customer " + customerId);
                }
                return Map.of("sell_share_opt_out", row.getBoolean(1), "marketing_consent", row.getBoolean(2),
                        "limit_sensitive_use", row.getBoolean(3));
            }
        }
    }

    /** Runs an update in the shop database (a backup restore, an import), returning the rows changed. */
    public int update(String sql, Object... parameters) throws SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "sa", "");
             java.sql.PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }

    /** The customer's email address. Unchecked, because browser tests read it inside page steps that cannot throw. */
    public String emailOf(int customerId) {
        try {
            return rowsOf("customers", customerId).get(0).get("email");
        } catch (SQLException e) {
            throw new IllegalStateException("The demo shop's database did not answer", e);
        }
    }

    /** The customer's rows of one table, with the columns an access request gives, as text. */
    public List<Map<String, String>> rowsOf(String table, int customerId) throws SQLException {
        List<String> columns = ACCESS_COLUMNS.get(table);
        try (Connection shop = connect();
             PreparedStatement query = shop.prepareStatement(ROWS_OF_CUSTOMER.get(table)
                     .formatted(String.join(", ", columns)))) {
            query.setInt(1, customerId);
            List<Map<String, String>> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        row.put(columns.get(i), result.getString(i + 1));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The first customer in the id range with orders both before and on or after the day. */
    public int customerWithOrdersBeforeAndAfter(LocalDate day, int fromId, int toId) throws SQLException {
        try (Connection shop = connect();
             PreparedStatement query = shop.prepareStatement("select customer_id from orders where customer_id "
                     + "between ? and ? group by customer_id having min(ordered_at) < ? and max(ordered_at) >= ? "
                     + "order by customer_id")) {
            query.setInt(1, fromId);
            query.setInt(2, toId);
            query.setObject(3, day.atStartOfDay());
            query.setObject(4, day.atStartOfDay());
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("No demo customer between " + fromId + " and " + toId
                            + " has orders on both sides of " + day);
                }
                return result.getInt(1);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }
}
