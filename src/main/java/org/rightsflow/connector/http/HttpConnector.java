package org.rightsflow.connector.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rightsflow.connector.ActionContext;
import org.rightsflow.connector.ActionResult;
import org.rightsflow.connector.AutomatedConnector;
import org.rightsflow.connector.BatchContext;
import org.rightsflow.connector.CallbackDelays;
import org.rightsflow.connector.ConnectionCheck;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.ConnectorException;
import org.rightsflow.connector.ConnectorKind;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.connector.Secrets;
import org.rightsflow.connector.SystemDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Carries an action to a company's own service over signed HTTP (docs/connected-systems.md, "## http"). One call
 * per action: the service answers 200 with the result, or 202 and posts the result to the callback URL later.
 *
 * <p>Nothing from a response body ever reaches an exception message: a failing service may well echo the subject's
 * data back, and these messages end up in incidents and logs.
 */
@Component
class HttpConnector implements AutomatedConnector {

    static final String HEALTH_PATH = "/health";

    private final Secrets secrets;
    private final Clock clock;
    /** One client per connect timeout: java.net.http clients are meant to be shared, and the timeout is per client. */
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    /**
     * Signs with the real time, not the application's Clock bean: that one follows the process engine's clock, which
     * tests (and time-travel demos) move, while a receiver checks the timestamp against its own wall clock.
     */
    @Autowired
    HttpConnector(Secrets secrets) {
        this(secrets, Clock.systemUTC());
    }

    /** For tests: a clock that is off, to see a receiver refuse a stale signature. */
    HttpConnector(Secrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.HTTP;
    }

    @Override
    public void validate(SystemDefinition system) {
        settings(system);
    }

    @Override
    public ActionResult perform(SystemDefinition system, ConnectorAction action, ActionContext context) {
        HttpSettings settings = validSettings(system, action);
        HttpSettings.Endpoint endpoint = endpoint(settings, system, action);
        if (context.idempotencyKey() == null || context.idempotencyKey().isBlank()) {
            throw new IllegalArgumentException("an http call needs an idempotency key");
        }
        HttpResponse<byte[]> response = call(settings, endpoint, body(action, context), context.idempotencyKey(),
                describe(system, action));
        return switch (response.statusCode()) {
            case 200 -> {
                try {
                    yield HttpResultJson.parseAnswer(response.body(), action, context.reference());
                } catch (HttpResultJson.MalformedResultException e) {
                    // The parser's message names a JSON path and quotes nothing from the body.
                    throw new ConnectorException(describe(system, action) + ": HTTP 200 with an unreadable result: "
                            + e.getMessage());
                }
            }
            case 202 -> ActionResult.awaitingCallback(action, system.name() + " accepted the " + label(action)
                    + " and will report back when it is done.");
            default -> throw new ConnectorException(describe(system, action) + ": HTTP " + response.statusCode()
                    + " from " + endpoint.method() + " " + endpoint.path() + " (expected 200 or 202)");
        };
    }

    @Override
    public boolean supports(SystemDefinition system, ConnectorAction action) {
        return HttpSettings.from(system.connection()).supports(action);
    }

    /** A system with an endpoint for opt-outs (or limits) takes their batches at the same endpoint. */
    @Override
    public boolean supportsBatch(SystemDefinition system, ConnectorAction action) {
        return (action == ConnectorAction.OPT_OUT || action == ConnectorAction.LIMIT_USE) && supports(system, action);
    }

    /**
     * The batch in calls of {@link HttpSettings#batchSize} people each, one after the other, to the action's endpoint
     * (docs/connected-systems.md, "Batches"). Each call is signed like a single one and carries the batch's
     * idempotency key with its chunk number, the same on every attempt, so a retry after a failure in chunk k sends
     * chunks 1 to k-1 again and the receiver answers them from its record. Every chunk must be answered 200: a batch
     * is one step with one result, and there is no callback for a part of it.
     */
    @Override
    public ActionResult performBatch(SystemDefinition system, BatchContext batch) {
        ConnectorAction action = batch.action();
        HttpSettings settings = validSettings(system, action);
        HttpSettings.Endpoint endpoint = endpoint(settings, system, action);
        if (batch.idempotencyKey() == null || batch.idempotencyKey().isBlank()) {
            throw new IllegalArgumentException("an http call needs an idempotency key");
        }
        List<List<DataSubject>> chunks = new ArrayList<>();
        for (int from = 0; from < batch.subjects().size(); from += settings.batchSize()) {
            chunks.add(batch.subjects().subList(from, Math.min(batch.subjects().size(), from + settings.batchSize())));
        }
        List<ActionResult> results = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            int chunk = i + 1;
            String what = describe(system, action) + ", batch " + batch.reference() + ", chunk " + chunk + " of "
                    + chunks.size();
            String before = chunk == 1 ? "" : "; the chunks before it were answered, and a retry sends them again "
                    + "with the same Idempotency-Key";
            HttpResponse<byte[]> response = call(settings, endpoint, batchBody(batch, chunk, chunks.size(),
                    chunks.get(i)), batch.idempotencyKey() + ":" + chunk, what);
            switch (response.statusCode()) {
                case 200 -> {
                    try {
                        results.add(HttpResultJson.parseAnswer(response.body(), action, batch.reference()));
                    } catch (HttpResultJson.MalformedResultException e) {
                        throw new ConnectorException(what + ": HTTP 200 with an unreadable result: " + e.getMessage()
                                + before);
                    }
                }
                case 202 -> throw new ConnectorException(what + ": HTTP 202, but a batch is not carried out later: "
                        + "answer batch calls synchronously, 200 with the result" + before);
                default -> throw new ConnectorException(what + ": HTTP " + response.statusCode() + " from "
                        + endpoint.method() + " " + endpoint.path() + " (expected 200)" + before);
            }
        }
        return BatchResults.combine(action, batch.subjects().size(), results);
    }

    @Override
    public CallbackDelays callbackDelays(SystemDefinition system) {
        HttpSettings settings = HttpSettings.from(system.connection());
        return new CallbackDelays(settings.remindAfter(), settings.incidentAfter());
    }

    /**
     * A signed {@code GET {baseUrl}/health} with an empty body: a 2xx means the service is reachable, and, if it
     * verifies the signature as documented, that both sides hold the same secret.
     */
    @Override
    public ConnectionCheck testConnection(SystemDefinition system) {
        HttpSettings settings;
        try {
            settings = settings(system);
        } catch (IllegalArgumentException e) {
            return ConnectionCheck.failed("The definition is not valid: " + e.getMessage(), List.of());
        }
        List<String> details = new ArrayList<>();
        settings.endpoints().forEach((action, endpoint) ->
                details.add(action + ": " + endpoint.method() + " " + settings.resolve(endpoint.path())));
        URI health = settings.resolve(HEALTH_PATH);
        long started = System.nanoTime();
        try {
            HttpRequest request = signed(settings, health, new byte[0]).GET().build();
            HttpResponse<byte[]> response = send(settings, request, "GET " + health);
            long millis = (System.nanoTime() - started) / 1_000_000;
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return ConnectionCheck.ok("GET " + health + " answered HTTP " + status + " in " + millis + " ms",
                        details);
            }
            String hint = status == 401 || status == 403
                    ? ": the service refused the signature; check that both sides use the same signingSecret" : "";
            return ConnectionCheck.failed("GET " + health + " answered HTTP " + status + hint, details);
        } catch (ConnectorException e) {
            return ConnectionCheck.failed(e.getMessage(), details);
        } catch (RuntimeException e) {
            // "Never throws": whatever else goes wrong is a failed check, named by its type only.
            return ConnectionCheck.failed("GET " + health + " failed: " + e.getClass().getSimpleName(), details);
        }
    }

    private static HttpSettings validSettings(SystemDefinition system, ConnectorAction action) {
        try {
            return settings(system);
        } catch (IllegalArgumentException e) {
            // Normally caught on import; said here too so that the incident explains itself.
            throw new ConnectorException(describe(system, action) + ": the definition is not valid: "
                    + e.getMessage());
        }
    }

    private static HttpSettings.Endpoint endpoint(HttpSettings settings, SystemDefinition system,
                                                  ConnectorAction action) {
        return settings.endpoint(action).orElseThrow(() -> new ConnectorException(describe(system, action)
                + ": the system does not support this action (no endpoint under connection.actions)"));
    }

    static HttpSettings settings(SystemDefinition system) {
        if (system.kind() != ConnectorKind.HTTP) {
            throw new IllegalArgumentException(system.key() + " is a " + system.kind().yamlName()
                    + " system, not http");
        }
        if (system.connection() == null) {
            throw new IllegalArgumentException(system.key() + ": connection: required for an http system");
        }
        if (system.dataset() != null) {
            throw system.dataset().error("not used by an http system: the service itself knows its data");
        }
        return HttpSettings.from(system.connection());
    }

    /** The request with the configured headers and the two signature headers; body and method are added by the caller. */
    private HttpRequest.Builder signed(HttpSettings settings, URI uri, byte[] body) {
        String secret = settings.resolveSigningSecret(secrets);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.timeout());
        settings.headers().forEach((name, value) -> builder.header(name, value.resolve(secrets)));
        return builder
                .header(HttpSignatures.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(HttpSignatures.SIGNATURE_HEADER, HttpSignatures.sign(secret, timestamp, body));
    }

    /** One signed call of an action: signed just before it is sent, so every chunk of a batch has a fresh timestamp. */
    private HttpResponse<byte[]> call(HttpSettings settings, HttpSettings.Endpoint endpoint, byte[] body,
                                      String idempotencyKey, String what) {
        HttpRequest request = signed(settings, settings.resolve(endpoint.path()), body)
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header(HttpSignatures.IDEMPOTENCY_KEY_HEADER, idempotencyKey)
                .build();
        return send(settings, request, what);
    }

    private HttpResponse<byte[]> send(HttpSettings settings, HttpRequest request, String what) {
        HttpClient client = clients.computeIfAbsent(settings.timeout(), timeout -> HttpClient.newBuilder()
                .connectTimeout(timeout)
                // A redirect would resend a signed body somewhere the definition does not name: treat it as an error.
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain HTTP/1.1: no h2c upgrade attempt, which simple receivers sometimes mishandle.
                .version(HttpClient.Version.HTTP_1_1)
                .build());
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ConnectorException(what + ": no answer within " + settings.timeout(), e);
        } catch (IOException e) {
            throw new ConnectorException(what + ": cannot reach " + request.uri().getScheme() + "://"
                    + request.uri().getAuthority() + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(what + ": interrupted while waiting for the answer", e);
        }
    }

    /** The documented request body, with every key present (null when unknown) so receivers see one stable shape. */
    static byte[] body(ConnectorAction action, ActionContext context) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("email", context.subject() == null ? null : context.subject().email());
        subject.put("name", context.subject() == null ? null : context.subject().name());
        subject.put("accountId", context.subject() == null ? null : context.subject().accountId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", context.reference());
        body.put("action", action.name());
        body.put("requestType", context.requestType() == null ? null : context.requestType().name());
        body.put("regime", context.regime() == null ? null : context.regime().name());
        body.put("dueDate", context.dueDate() == null ? null : context.dueDate().toString());
        body.put("subject", subject);
        body.put("corrections", new LinkedHashMap<>(context.corrections()));
        // For ACCESS: return only data collected since then (null: all of it), and only what the subject provided.
        body.put("dataSince", context.dataSince() == null ? null : context.dataSince().toString());
        body.put("providedDataOnly", context.portabilityOnly());
        body.put("callbackUrl", context.callbackUrl());
        try {
            return HttpResultJson.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of texts always serialises", e);
        }
    }

    /**
     * The documented body of one call of a batch: which batch and chunk, and the people in it, each with every key
     * present (null when unknown) as in a single call's {@code subject}.
     */
    static byte[] batchBody(BatchContext batch, int chunk, int chunks, List<DataSubject> subjects) {
        List<Map<String, Object>> people = new ArrayList<>(subjects.size());
        for (DataSubject subject : subjects) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("email", subject.email());
            person.put("name", subject.name());
            person.put("accountId", subject.accountId());
            people.add(person);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", batch.reference());
        body.put("action", batch.action().name());
        body.put("batch", true);
        body.put("chunk", chunk);
        body.put("chunks", chunks);
        body.put("dueDate", batch.dueDate() == null ? null : batch.dueDate().toString());
        body.put("subjects", people);
        try {
            return HttpResultJson.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of texts and numbers always serialise", e);
        }
    }

    private static String describe(SystemDefinition system, ConnectorAction action) {
        return "System '" + system.name() + "' (" + system.key() + "), " + action;
    }

    private static String label(ConnectorAction action) {
        return switch (action) {
            case ACCESS -> "access request";
            case PLAN_ERASURE -> "erasure dry run";
            case ERASE -> "erasure";
            case OPT_OUT -> "opt-out";
            case LIMIT_USE -> "limit of sensitive data use";
            case CORRECT -> "correction";
        };
    }

    @Override
    public String toString() {
        return "HttpConnector";
    }
}
