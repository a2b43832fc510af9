package org.rightsflow.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates and fills the demo shop's database (its own H2 database, {@code rightsflow.demo.shop-url}) the first
 * time the demo starts: 300 customers with addresses, orders and order lines, newsletter subscriptions and
 * support tickets. The data is generated from a fixed seed, so every fresh demo has the same customers; the first
 * few are well-known names to try (see README).
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "rightsflow.demo.enabled", havingValue = "true")
class DemoShop implements ApplicationRunner {

    static final int CUSTOMERS = 300;
    /** Customers whose requests the README suggests; the rest are generated. */
    static final List<String[]> FAMOUS = List.of(
            new String[] {"Ada", "Lovelace", "ada.lovelace@example.com"},
            new String[] {"Alan", "Turing", "alan.turing@example.com"},
            new String[] {"Grace", "Hopper", "grace.hopper@example.com"},
            new String[] {"Katherine", "Johnson", "katherine.johnson@example.com"},
            new String[] {"Tim", "Berners-Lee", "tim.berners-lee@example.com"});

    private static final String[] FIRST = {"Amira", "Ben", "Chloé", "Daniel", "Elif", "Finn", "Greta", "Hugo", "Ines",
            "Jonas", "Kaja", "Liam", "Mila", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara"};
    private static final String[] LAST = {"Schmidt", "García", "Rossi", "Nowak", "Dubois", "Jansen", "Silva", "Berg",
            "Kowalski", "Moreau", "Fischer", "Costa", "Larsen", "Novak", "Weber", "Romano"};
    private static final String[] CITIES = {"Berlin", "Madrid", "Rome", "Warsaw", "Paris", "Amsterdam", "Lisbon",
            "Oslo", "London", "Manchester", "San Francisco", "Richmond", "Austin", "Denver"};
    private static final String[] PRODUCTS = {"Rain jacket", "Hiking boots", "Wool socks", "Thermos", "Backpack 30 l",
            "Headlamp", "Trekking poles", "Sleeping bag", "Camping stove", "Water filter"};

    private final String url;

    DemoShop(DemoProperties demo) {
        this.url = demo.shopUrl();
    }

    String url() {
        return url;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            if (exists(connection)) {
                return;
            }
            connection.setAutoCommit(false);
            // Comments first (they may contain semicolons), then one statement per semicolon.
            String script = DemoSystems.read("demo/shop-schema.sql").lines()
                    .filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
            try (Statement statement = connection.createStatement()) {
                for (String sql : script.split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql.strip());
                    }
                }
            }
            fill(connection, new Random(42));
            connection.commit();
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "CUSTOMERS", null)) {
            return tables.next();
        }
    }

    private static void fill(Connection connection, Random random) throws SQLException {
        LocalDateTime start = LocalDateTime.of(2023, 1, 1, 9, 0);
        long addressId = 1;
        long orderId = 1;
        long lineId = 1;
        long subscriptionId = 1;
        long ticketId = 1;
        try (PreparedStatement customer = connection.prepareStatement("insert into customers values (?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement address = connection.prepareStatement("insert into addresses values (?,?,?,?,?,?,?)");
             PreparedStatement order = connection.prepareStatement("insert into orders values (?,?,?,?,?,?,?)");
             PreparedStatement line = connection.prepareStatement("insert into order_lines values (?,?,?,?,?)");
             PreparedStatement subscription = connection.prepareStatement("insert into newsletter_subscriptions values (?,?,?,?,?)");
             PreparedStatement ticket = connection.prepareStatement("insert into support_tickets values (?,?,?,?,?,?)")) {
            for (int id = 1; id <= CUSTOMERS; id++) {
                String first;
                String last;
                String email;
                if (id <= FAMOUS.size()) {
                    first = FAMOUS.get(id - 1)[0];
                    last = FAMOUS.get(id - 1)[1];
                    email = FAMOUS.get(id - 1)[2];
                } else {
                    first = FIRST[random.nextInt(FIRST.length)];
                    last = LAST[random.nextInt(LAST.length)];
                    email = (first + "." + last + id).toLowerCase().replace("é", "e").replace("í", "i") + "@example.com";
                }
                LocalDateTime created = start.plusHours(random.nextInt(20_000));
                customer.setLong(1, id);
                customer.setString(2, "C-%05d".formatted(id));
                customer.setString(3, email);
                customer.setString(4, first);
                customer.setString(5, last);
                customer.setString(6, "+49 30 %07d".formatted(random.nextInt(10_000_000)));
                customer.setObject(7, LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)));
                customer.setBoolean(8, random.nextInt(3) > 0);
                customer.setBoolean(9, false);
                customer.setBoolean(10, false);
                customer.setTimestamp(11, Timestamp.valueOf(created));
                customer.addBatch();

                int addresses = 1 + random.nextInt(2);
                for (int a = 0; a < addresses; a++) {
                    address.setLong(1, addressId++);
                    address.setLong(2, id);
                    address.setString(3, a == 0 ? "delivery" : "billing");
                    address.setString(4, (1 + random.nextInt(200)) + " " + LAST[random.nextInt(LAST.length)] + " Street");
                    address.setString(5, CITIES[random.nextInt(CITIES.length)]);
                    address.setString(6, "%05d".formatted(random.nextInt(100_000)));
                    address.setString(7, random.nextBoolean() ? "DE" : "FR");
                    address.addBatch();
                }
                int orders = random.nextInt(4);
                for (int o = 0; o < orders; o++) {
                    int lines = 1 + random.nextInt(3);
                    int total = 0;
                    long thisOrder = orderId++;
                    for (int l = 0; l < lines; l++) {
                        int quantity = 1 + random.nextInt(3);
                        int price = 500 + random.nextInt(20_000);
                        total += quantity * price;
                        line.setLong(1, lineId++);
                        line.setLong(2, thisOrder);
                        line.setString(3, PRODUCTS[random.nextInt(PRODUCTS.length)]);
                        line.setInt(4, quantity);
                        line.setInt(5, price);
                        line.addBatch();
                    }
                    order.setLong(1, thisOrder);
                    order.setLong(2, id);
                    order.setString(3, "O-%06d".formatted(thisOrder));
                    order.setTimestamp(4, Timestamp.valueOf(created.plusDays(1 + random.nextInt(500))));
                    order.setInt(5, total);
                    order.setString(6, "EUR");
                    order.setString(7, random.nextInt(10) == 0 ? "returned" : "delivered");
                    order.addBatch();
                }
                if (random.nextBoolean() || id <= FAMOUS.size()) {
                    subscription.setLong(1, subscriptionId++);
                    subscription.setLong(2, id);
                    subscription.setString(3, "weekly-offers");
                    subscription.setTimestamp(4, Timestamp.valueOf(created.plusDays(random.nextInt(30))));
                    subscription.setString(5, "checkout");
                    subscription.addBatch();
                }
                if (random.nextInt(4) == 0 || id <= FAMOUS.size()) {
                    ticket.setLong(1, ticketId++);
                    ticket.setLong(2, id);
                    ticket.setString(3, "Where is my parcel?");
                    ticket.setString(4, "Hello, my order has not arrived yet. Regards, " + first);
                    ticket.setTimestamp(5, Timestamp.valueOf(created.plusDays(2 + random.nextInt(400))));
                    ticket.setString(6, "closed");
                    ticket.addBatch();
                }
            }
            // Parents first: the foreign keys are checked at every insert.
            customer.executeBatch();
            address.executeBatch();
            order.executeBatch();
            line.executeBatch();
            subscription.executeBatch();
            ticket.executeBatch();
        }
    }
}
