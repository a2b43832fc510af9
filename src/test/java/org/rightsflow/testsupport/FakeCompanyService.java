package org.rightsflow.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A company's own service behind an http system, as docs/connected-systems.md tells companies to build one: it
 * verifies every call's signature with the documented recipe (plain Java, not Rightsflow's code), records what it
 * was asked, and either answers at once (200) or accepts the work (202) and lets the test post the signed
 * callback later. A real HTTP server on a free port.
 */
public final class FakeCompanyService implements AutoCloseable {

    /** What one call looked like when it arrived. */
    public record Call(String path, String idempotencyKey, boolean signatureValid, JsonNode body) {
    }

    private final String secret;
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean answerLater;
    private volatile int failWithStatus;
    private volatile java.util.concurrent.CountDownLatch hold;
    private volatile String syncResult = "{\"summary\": \"Done.\"}";
    /** Idempotency keys whose work was really done: a retry with a known key is answered without doing it again. */
    private final java.util.Set<String> workDone = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger workCount = new java.util.concurrent.atomic.AtomicInteger();

    public FakeCompanyService(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        // One thread per call: a held call must not keep the next ones from being received and recorded.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /**
     * Registers this service as the http system "Billing service" (owner group shop-team, deletions, approved in
     * advance) of the application at {@code appPort}, as an admin would: through the import page. Its signing
     * secret goes into {@code secretFile}, which the definition references.
     */
    public void registerAsBilling(int appPort, java.nio.file.Path secretFile, String timeout) {
        try {
            java.nio.file.Files.writeString(secretFile, secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String definitions = """
                systems:
                  - key: billing
                    name: Billing service
                    ownerGroup: shop-team
                    kind: http
                    requestTypes: [DELETION]
                    erasure: {autoApprove: true}
                    connection:
                      baseUrl: %s
                      signingSecret: {file: %s}
                      timeout: %s
                      actions:
                        ERASE: /dsr/erase
                """.formatted(baseUrl(), secretFile, timeout);
        WebSession admin = new WebSession(appPort).login("admin", "admin");
        WebSession.Page form = admin.get("/staff/systems/import");
        String result = admin.post("/staff/systems/import", form, java.util.Map.of("yaml", definitions)).mainText();
        if (!result.contains("[billing]")) {
            throw new IllegalStateException("The billing service was not imported: " + result);
        }
    }

    /**
     * Registers this service as the http system "Partner feed" (key partner-feed, owner group marketing-team): an
     * advertising partner that takes opt-outs of sale and sharing, in batches, at {@code /dsr/opt-out}.
     */
    public void registerAsPartnerFeed(int appPort, java.nio.file.Path secretFile) {
        try {
            java.nio.file.Files.writeString(secretFile, secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String definitions = """
                systems:
                  - key: partner-feed
                    name: Partner feed
                    ownerGroup: marketing-team
                    kind: http
                    requestTypes: [OPT_OUT]
                    connection:
                      baseUrl: %s
                      signingSecret: {file: %s}
                      timeout: PT5S
                      actions:
                        OPT_OUT: /dsr/opt-out
                """.formatted(baseUrl(), secretFile);
        WebSession admin = new WebSession(appPort).login("admin", "admin");
        WebSession.Page form = admin.get("/staff/systems/import");
        String result = admin.post("/staff/systems/import", form, java.util.Map.of("yaml", definitions)).mainText();
        if (!result.contains("[partner-feed]")) {
            throw new IllegalStateException("The partner feed was not imported: " + result);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on accept the work with 202 and answer by callback. */
    public FakeCompanyService answeringLater() {
        this.answerLater = true;
        return this;
    }

    /** The JSON body of the synchronous 200 answers. */
    public FakeCompanyService answeringNow(String resultJson) {
        this.answerLater = false;
        this.syncResult = resultJson;
        return this;
    }

    /** From now on answer every call with this status (e.g. 500), as a broken service would. */
    public FakeCompanyService failingWith(int status) {
        this.failWithStatus = status;
        return this;
    }

    /** Calls hang until {@link #release()}: a call in flight when the caller dies. */
    public FakeCompanyService holdingCalls() {
        this.hold = new java.util.concurrent.CountDownLatch(1);
        return this;
    }

    public void release() {
        java.util.concurrent.CountDownLatch latch = hold;
        hold = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /** How many times the service really did the work (retries answered from its record do not count). */
    public int workDone() {
        return workCount.get();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Posts a signed result to the callback URL Rightsflow gave in a call; returns the HTTP status. */
    public int callBack(Call call, String resultJson) {
        return post(call.body().path("callbackUrl").asText(), resultJson, secret, Instant.now().getEpochSecond());
    }

    /** Posts with any secret and timestamp, to show what Rightsflow refuses. */
    public static int post(String url, String body, String secret, long timestamp) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("X-Rightsflow-Timestamp", Long.toString(timestamp))
                    .header("X-Rightsflow-Signature", sign(secret, Long.toString(timestamp), bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String timestamp = exchange.getRequestHeaders().getFirst("X-Rightsflow-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Rightsflow-Signature");
        boolean valid = verify(timestamp, signature, body);
        JsonNode parsed = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                valid, parsed));
        java.util.concurrent.CountDownLatch latch = hold;
        if (latch != null) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (!valid) {
            respond(exchange, 401, "");
        } else if (exchange.getRequestURI().getPath().endsWith("/health")) {
            respond(exchange, 200, "");
        } else if (failWithStatus != 0) {
            respond(exchange, failWithStatus, "{\"error\": \"temporarily unavailable\"}");
        } else {
            // The documented idempotency contract: a key seen before is not worked on again.
            if (key != null && workDone.add(key)) {
                workCount.incrementAndGet();
            }
            respond(exchange, answerLater ? 202 : 200, answerLater ? "" : syncResult);
        }
    }

    /** The recipe of docs/connected-systems.md, "Signatures". */
    private boolean verify(String timestamp, String signature, byte[] rawBody) {
        if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
            return false;
        }
        boolean same = MessageDigest.isEqual(sign(secret, timestamp, rawBody).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
        return same && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= 300;
    }

    private static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
