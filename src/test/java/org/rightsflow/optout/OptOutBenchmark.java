package org.rightsflow.optout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.RightsflowApplication;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark, not a test: how many opt-outs Rightsflow records durably per second on PostgreSQL, and how long a batch
 * of 100,000 takes to reach a one-million-customer shop database (docs/performance.md). The application runs whole,
 * in its production profile, on a database of its own; opt-outs arrive over HTTP as the website backend sends them.
 * The name does not end in Test, so {@code mvn verify} leaves it out; run it explicitly:
 *
 * <pre>
 * mvn -B test -Dtest=OptOutBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * System properties: {@code benchmark.customers} (default 1,000,000), {@code benchmark.optouts} (default 100,000),
 * {@code benchmark.single} (single-item calls, default 5,000) and {@code benchmark.clients} (their concurrent
 * senders, default 8). Results go to the console and to target/benchmark/opt-outs.md.
 */
@ExtendWith(PostgresTestDatabase.class)
class OptOutBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("benchmark.customers", 1_000_000);
    private static final int OPT_OUTS = Integer.getInteger("benchmark.optouts", 100_000);
    private static final int SINGLE = Integer.getInteger("benchmark.single", 5_000);
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 8);
    private static final int PER_CALL = 10_000;
    private static final String API_KEY = "BptfHqI8rZEB0GTZ6gZiz/1ugVaoCpZ8pknD8Y0KDek=";
    private static final String APP_DATABASE = "rightsflow_optout_bench";
    private static final String SHOP_DATABASE = "rightsflow_optout_shop_bench";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void recordAndPropagateOptOuts() throws Exception {
        String appUrl = freshDatabase(APP_DATABASE);
        String shopUrl = freshDatabase(SHOP_DATABASE);
        long shopMillis = loadShop(shopUrl);
        StringBuilder report = new StringBuilder("# Opt-out benchmark\n\n");
        report.append(String.format("Shop: %,d customers loaded in %.1f s. Opt-outs: %,d different customers, "
                + "2,000 to warm up, %,d in single-item calls from %d concurrent clients, the rest in calls of %,d.%n%n",
                CUSTOMERS, shopMillis / 1000.0, OPT_OUTS, SINGLE, CLIENTS, PER_CALL));

        try (ConfigurableApplicationContext app = start(appUrl)) {
            int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            app.getBean(SystemRegistry.class).importYaml("benchmark", shopSystem(shopUrl));

            // Every opt-out is a different customer, so that the batch cut at the end is exactly OPT_OUTS people of
            // the shop: [0, 2,000) warm up the JIT, the pool and PostgreSQL's caches; [2,000, 2,000 + SINGLE) come
            // one per call; the rest in bulk calls.
            int warmUp = 2_000;
            post(port, items(0, warmUp, "customer"));

            int bulkFrom = warmUp + SINGLE;
            long start = System.nanoTime();
            for (int from = bulkFrom; from < OPT_OUTS; from += PER_CALL) {
                String answer = post(port, items(from, Math.min(OPT_OUTS, from + PER_CALL), "customer"));
                assertThat(answer).contains("\"recorded\":" + Math.min(PER_CALL, OPT_OUTS - from));
            }
            double bulkSeconds = (System.nanoTime() - start) / 1e9;
            int bulk = OPT_OUTS - bulkFrom;
            report.append(String.format("| recorded durably | opt-outs | time | per second |%n| --- | ---: | ---: | ---: |%n"
                    + "| bulk API, %,d per call | %,d | %.1f s | **%,.0f** |%n", PER_CALL, bulk, bulkSeconds,
                    bulk / bulkSeconds));

            AtomicInteger next = new AtomicInteger(warmUp);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            start = System.nanoTime();
            List<Future<?>> senders = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                senders.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < warmUp + SINGLE; i = next.getAndIncrement()) {
                        post(port, items(i, i + 1, "customer"));
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
            clients.shutdown();
            double singleSeconds = (System.nanoTime() - start) / 1e9;
            report.append(String.format("| one per call, %d clients at once | %,d | %.1f s | **%,.0f** |%n%n", CLIENTS,
                    SINGLE, singleSeconds, SINGLE / singleSeconds));

            // Propagation: every opt-out recorded above, one batch.
            OptOutBatches batches = app.getBean(OptOutBatches.class);
            start = System.nanoTime();
            BatchView batch = batches.cutWaiting().get(0);
            assertThat(batch.size()).isEqualTo(OPT_OUTS);
            long cutNanos = System.nanoTime() - start;
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> batches.get(batch.id()).completedAt() != null);
            double propagateSeconds = (System.nanoTime() - start) / 1e9;
            try (Connection shop = DriverManager.getConnection(shopUrl, PostgresTestDatabase.USER,
                    PostgresTestDatabase.PASSWORD); Statement count = shop.createStatement()) {
                var rows = count.executeQuery("select count(*) from customers where sell_share_opt_out");
                rows.next();
                report.append(String.format("| batch | opt-outs | cut | cut to carried out in the shop | shop rows opted out |%n"
                                + "| --- | ---: | ---: | ---: | ---: |%n| %s | %,d | %.1f s | **%.1f s** | %,d |%n",
                        batch.reference(), batch.size(), cutNanos / 1e9, propagateSeconds, rows.getLong(1)));
            }
        }
        report.append(String.format("%nMachine: %d cores, Java %s, max heap %,d MB.%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1024 / 1024));
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "opt-outs.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Arguments, as an operator passes them: they win over application-postgres.yml's environment defaults. */
    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(RightsflowApplication.class).profiles("postgres").run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                "--rightsflow.api.keys=bench:optouts=" + API_KEY,
                // As strong as the postgres profile demands (ProductionSafetyCheck).
                "--rightsflow.secrets.link-key=jsRHkxiD0znBMUdc1pJBFuYrcN7eIdNdQCXAxDETCpI=",
                "--rightsflow.secrets.data-keys=bench-2=aR/PbRgOQ+JCBxA1FaTlfNRTYUVKUqBYSmbYKYgQ6u4=",
                "--rightsflow.secrets.erasure-hash-key=D3rYnPD+NrWMb+al3veJFg6KnJu1gdCt9mGS1VVb9GQ=",
                "--rightsflow.secrets.suppression-key=Ks7MWPJJzlLH5aYt5FcUJXLwYeMRz1xPU5j0nranzLU=",
                "--rightsflow.opt-out.batch-every=P1D",
                "--logging.level.root=warn");
    }

    /** A JSON call of the opt-outs of customers [from, to): GPC signals, as a website forwards them. */
    private static String items(int from, int to, String kind) {
        StringBuilder body = new StringBuilder("{\"optOuts\":[");
        for (int i = from; i < to; i++) {
            body.append(i == from ? "" : ",").append("{\"email\":\"").append(kind).append(i)
                    .append("@shop.example\",\"source\":\"GPC\"}");
        }
        return body.append("]}").toString();
    }

    private String post(int port, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/optouts")).header("Content-Type", "application/json").header("X-Api-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The shop's customers table, as the demo's, with customer i at customer{i}@shop.example (every 7th in capitals). */
    private static long loadShop(String url) throws Exception {
        long start = System.currentTimeMillis();
        try (Connection shop = DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
             Statement sql = shop.createStatement()) {
            sql.execute("""
                    create table customers (id bigint primary key, customer_number varchar(20) not null unique,
                        email varchar(254) not null, first_name varchar(100), last_name varchar(100),
                        marketing_consent boolean not null, sell_share_opt_out boolean not null,
                        limit_sensitive_use boolean not null, created_at timestamp not null)""");
            sql.execute("insert into customers select i, 'C' || i, case when i % 7 = 0 then 'CUSTOMER' || i "
                    + "else 'customer' || i end || '@shop.example', 'First' || i, 'Last' || i, true, false, false, "
                    + "now() from generate_series(0, " + (CUSTOMERS - 1) + ") as i");
            sql.execute("create index customers_email on customers (lower(email))");
            sql.execute("analyze customers");
        }
        return System.currentTimeMillis() - start;
    }

    private static String shopSystem(String url) {
        return """
                systems:
                  - key: shop-db
                    name: Shop customer database
                    ownerGroup: shop-team
                    kind: sql
                    requestTypes: [OPT_OUT, LIMIT_SENSITIVE]
                    connection:
                      url: %s
                      username: %s
                    dataset:
                      table: customers
                      key: id
                      match: {email: email, accountId: customer_number}
                      access: [customer_number, email, first_name, last_name]
                      erasure: delete
                      optOut: {sell_share_opt_out: true, marketing_consent: false}
                      limitUse: {limit_sensitive_use: true}
                """.formatted(url, PostgresTestDatabase.USER);
    }

    private static String freshDatabase(String name) throws Exception {
        try (Connection server = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD); Statement sql = server.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
            sql.execute("create database " + name);
        }
        return PostgresTestDatabase.URL.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }
}
