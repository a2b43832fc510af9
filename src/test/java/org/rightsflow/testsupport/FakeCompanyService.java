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
    private volatile String syncResult = "{\"summary\": \"Done.\"}";

    public FakeCompanyService(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
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
        if (!valid) {
            respond(exchange, 401, "");
        } else if (exchange.getRequestURI().getPath().endsWith("/health")) {
            respond(exchange, 200, "");
        } else if (answerLater) {
            respond(exchange, 202, "");
        } else {
            respond(exchange, 200, syncResult);
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
