package org.rightsflow.connector.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiving service on a free local port that does exactly what docs/connected-systems.md tells receivers to do:
 * verify the signature over the raw body (written out here in plain Java, not with {@link HttpSignatures}, so the
 * documented recipe itself is tested), refuse with 401, and apply each Idempotency-Key once.
 */
final class TestReceiver implements AutoCloseable {

    /** What one request looked like when it arrived. */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body, boolean signatureValid) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String secret;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> blocked = new ConcurrentHashMap<>();
    private final Map<String, Integer> failOnce = new ConcurrentHashMap<>();
    private final Map<String, Answer> resultsByIdempotencyKey = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** How many times the receiver really did the work (as opposed to answering a retry from its record). */
    final AtomicInteger applied = new AtomicInteger();

    TestReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    TestReceiver answer(String path, int status, String body) {
        answers.put(path, new Answer(status, body));
        return this;
    }

    /** The next request with this Idempotency-Key gets this status (and a body naming a person), and is not applied. */
    TestReceiver failOnce(String idempotencyKey, int status) {
        failOnce.put(idempotencyKey, status);
        return this;
    }

    /** Requests to this path wait until the latch is released (never answered within a short timeout). */
    TestReceiver block(String path, CountDownLatch latch) {
        blocked.put(path, latch);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            boolean valid = signatureIsValid(exchange.getRequestHeaders().getFirst("X-Rightsflow-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Rightsflow-Signature"), body);
            received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()),
                    body, valid));
            CountDownLatch latch = blocked.get(path);
            if (latch != null) {
                latch.await(30, TimeUnit.SECONDS);
            }
            if (!valid) {
                respond(exchange, 401, "");
                return;
            }
            Answer answer = answers.getOrDefault(path, new Answer(404, "{\"error\": \"no such endpoint\"}"));
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            Integer failure = key == null ? null : failOnce.remove(key);
            if (failure != null) {
                respond(exchange, failure, "{\"error\": \"cannot update alice@example.com\"}");
                return;
            }
            if (key != null && answer.status() / 100 == 2) {
                // The documented contract: a key seen before is answered from the record, the work is not redone.
                Answer first = resultsByIdempotencyKey.computeIfAbsent(key, k -> {
                    applied.incrementAndGet();
                    return answer;
                });
                respond(exchange, first.status(), first.body());
                return;
            }
            respond(exchange, answer.status(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The recipe from docs/connected-systems.md, "Verifying a signature". */
    private boolean signatureIsValid(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
            boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
            boolean fresh = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= 300;
            return same && fresh;
        } catch (Exception e) {
            return false;
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        blocked.values().forEach(latch -> {
            while (latch.getCount() > 0) {
                latch.countDown();
            }
        });
        server.stop(0);
        executor.shutdownNow();
    }
}
