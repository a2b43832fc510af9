package org.rightsflow.connector.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.ConnectorException;
import org.rightsflow.connector.SecretReference;
import org.rightsflow.connector.Secrets;
import org.rightsflow.support.EnumNames;
import org.rightsflow.support.RequiredText;
import org.rightsflow.support.Text;
import org.rightsflow.support.YamlTree;

/**
 * The {@code connection} of an http system, read strictly (docs/connected-systems.md, "## http"):
 *
 * <pre>
 * connection:
 *   baseUrl: https://billing.internal.example/privacy
 *   signingSecret: {env: BILLING_SIGNING_SECRET}
 *   timeout: PT10S                                   # optional
 *   callback: {remindAfter: PT24H, incidentAfter: PT72H}   # optional
 *   headers: {X-Tenant: shop, Authorization: {env: BILLING_TOKEN}}   # optional
 *   batchSize: 1000                                  # optional: people per call of a batch
 *   actions:
 *     ACCESS: /dsr/access                            # short form: POST to this path
 *     ERASE: {path: /dsr/erase, method: PUT}
 * </pre>
 *
 * Public so that the process can read the callback delays and the callback endpoint the signing secret.
 *
 * @param endpoints  only the supported actions; an action without an endpoint is not supported by the system
 * @param remindAfter   how long after a 202 a missing callback becomes a reminder to the owner group
 * @param incidentAfter how long after a 202 a missing callback becomes an incident
 * @param batchSize     how many people one call of a batch carries (docs/connected-systems.md, "Batches")
 */
public record HttpSettings(URI baseUrl, SecretReference signingSecret, Duration timeout, Duration remindAfter,
                           Duration incidentAfter, Map<String, Header> headers,
                           Map<ConnectorAction, Endpoint> endpoints, int batchSize) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * A call blocks a job executor thread, and Camunda hands a job to another thread once its lock expires (five
     * minutes by default); a longer wait would run the same action twice at once. Slow work belongs in a 202.
     */
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);
    static final Duration DEFAULT_REMIND_AFTER = Duration.ofHours(24);
    static final Duration DEFAULT_INCIDENT_AFTER = Duration.ofHours(72);
    static final int DEFAULT_BATCH_SIZE = 1000;
    /**
     * A call must be answered within {@link #timeout}; ten thousand people (about a megabyte of JSON) is already a
     * lot of work for one answer.
     */
    static final int MAX_BATCH_SIZE = 10_000;
    /** Shorter secrets can be guessed offline from one captured signed message. 32 hex digits = 128 bits. */
    static final int MIN_SECRET_LENGTH = 32;

    /** Methods that carry a body; the signature covers the body, and every action has one. */
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Set by Rightsflow itself, or refused by java.net.http. */
    private static final Set<String> RESERVED_HEADERS = Set.of("content-type", "content-length", "host", "connection",
            "expect", "upgrade", "date", "via", "warning", "from", "transfer-encoding", "idempotency-key");
    /** Header names that usually carry credentials: their value must be a secret reference, never plain text. */
    private static final Pattern SECRET_LOOKING_HEADER = Pattern.compile(
            ".*(auth|token|secret|key|password|passwd|cookie|session|signature|credential).*");

    /** One endpoint: the method and the path under {@code baseUrl}. */
    public record Endpoint(String method, String path) {
    }

    /** An extra header: plain text, or a secret reference resolved at the moment of the call. */
    public record Header(String text, SecretReference secret) {

        String resolve(Secrets secrets) {
            return secret == null ? text : secrets.resolve(secret);
        }

        @Override
        public String toString() {
            return secret == null ? text : secret.describe();
        }
    }

    public HttpSettings {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Map<ConnectorAction, Endpoint> inActionOrder = new EnumMap<>(ConnectorAction.class);
        inActionOrder.putAll(endpoints);
        endpoints = Collections.unmodifiableMap(inActionOrder);
    }

    /** The connection as written; headers and actions are read entry by entry, their values take two forms. */
    private record ConnectionYaml(
            @RequiredText String baseUrl,
            Object signingSecret,
            @Text String timeout,
            CallbackYaml callback,
            Map<String, Object> headers,
            @NotNull(message = YamlTree.REQUIRED) Map<String, Object> actions,
            @Positive(message = "expected a whole number greater than 0")
            @Max(value = MAX_BATCH_SIZE, message = "at most " + MAX_BATCH_SIZE + " people per call")
            Integer batchSize) {
    }

    private record CallbackYaml(@Text String remindAfter,
                                @Text String incidentAfter) {
    }

    /** An endpoint in its long form, {@code {path: /dsr/erase, method: PUT}}. */
    private record EndpointYaml(
            @RequiredText String path,
            @Text String method) {
    }

    /**
     * Reads and checks a {@code connection}.
     *
     * @throws IllegalArgumentException naming the path of the first problem
     */
    public static HttpSettings from(YamlTree connection) {
        ConnectionYaml yaml = connection.bind(ConnectionYaml.class);
        URI baseUrl = baseUrl(connection.at("baseUrl"), yaml.baseUrl().strip());
        SecretReference secret = Secrets.reference(connection.at("signingSecret"))
                .orElseThrow(() -> connection.error("signingSecret",
                        "required: the secret both sides sign with, e.g. {env: BILLING_SIGNING_SECRET}"));
        Duration timeout = duration(connection.at("timeout"), yaml.timeout(), DEFAULT_TIMEOUT);
        if (timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw connection.error("timeout", "at most " + MAX_TIMEOUT
                    + "; a system that needs longer should answer 202 and call back");
        }
        Duration remindAfter = DEFAULT_REMIND_AFTER;
        Duration incidentAfter = DEFAULT_INCIDENT_AFTER;
        if (yaml.callback() != null) {
            YamlTree callback = connection.at("callback");
            remindAfter = duration(callback.at("remindAfter"), yaml.callback().remindAfter(), DEFAULT_REMIND_AFTER);
            incidentAfter = duration(callback.at("incidentAfter"), yaml.callback().incidentAfter(),
                    DEFAULT_INCIDENT_AFTER);
            if (incidentAfter.compareTo(remindAfter) <= 0) {
                throw callback.error("incidentAfter", "must be longer than remindAfter (" + remindAfter
                        + "): the owner group is reminded first, then an incident is raised");
            }
        }
        int batchSize = yaml.batchSize() == null ? DEFAULT_BATCH_SIZE : yaml.batchSize();
        return new HttpSettings(baseUrl, secret, timeout, remindAfter, incidentAfter,
                headers(connection.at("headers"), yaml.headers()), endpoints(connection.at("actions"), yaml.actions()),
                batchSize);
    }

    public boolean supports(ConnectorAction action) {
        return endpoints.containsKey(action);
    }

    public Optional<Endpoint> endpoint(ConnectorAction action) {
        return Optional.ofNullable(endpoints.get(action));
    }

    /** The full URL of a path under {@code baseUrl}. */
    URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /**
     * The signing secret's value, for the connector and the callback endpoint alike.
     *
     * @throws ConnectorException when the secret cannot be read or is too short; the message names the reference only
     */
    public String resolveSigningSecret(Secrets secrets) {
        String value = secrets.resolve(signingSecret);
        if (value.length() < MIN_SECRET_LENGTH) {
            throw new ConnectorException("Secret " + signingSecret.describe() + ": a signing secret needs at least "
                    + MIN_SECRET_LENGTH + " characters (e.g. the output of: openssl rand -hex 32)");
        }
        return value;
    }

    private static URI baseUrl(YamlTree node, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw node.error("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw node.error("expected an https:// (or http://) URL");
        }
        if (uri.getHost() == null) {
            throw node.error("the URL has no host");
        }
        // Credentials in a URL would be a secret in plain text; use a header with a secret reference instead.
        if (uri.getRawUserInfo() != null) {
            throw node.error("must not contain a user name or password; use headers with a "
                    + "secret reference, e.g. Authorization: {env: BILLING_TOKEN}");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw node.error("must not contain ? or #; put query parameters in the action paths");
        }
        return uri;
    }

    private static Duration duration(YamlTree node, String text, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        Duration value;
        try {
            value = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw node.error("expected an ISO-8601 duration such as PT10S, PT24H or P3D, found '" + text.strip() + "'");
        }
        if (value.isNegative() || value.isZero()) {
            throw node.error("must be longer than zero");
        }
        return value;
    }

    private static Map<String, Header> headers(YamlTree node, Map<String, Object> written) {
        Map<String, Header> headers = new LinkedHashMap<>();
        if (written == null) {
            return headers;
        }
        for (Map.Entry<String, Object> entry : written.entrySet()) {
            String name = entry.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HEADER_NAME.matcher(name).matches()) {
                throw node.error(name, "not a valid HTTP header name");
            }
            if (RESERVED_HEADERS.contains(lower) || lower.startsWith("x-rightsflow-")) {
                throw node.error(name, "set by Rightsflow itself; it cannot be configured");
            }
            if (headers.keySet().stream().anyMatch(existing -> existing.equalsIgnoreCase(name))) {
                throw node.error(name, "listed twice (header names ignore case)");
            }
            if (entry.getValue() instanceof Map<?, ?>) {
                headers.put(name, new Header(null, Secrets.reference(node.at(name)).orElseThrow()));
            } else if (SECRET_LOOKING_HEADER.matcher(lower).matches()) {
                // Never echo the value: it is probably the very secret that must not be written down.
                throw node.error(name, "this header usually carries a credential, so its value must be a secret "
                        + "reference, {env: VARIABLE} or {file: /path/to/file}, never the value itself");
            } else if (!(entry.getValue() instanceof String text) || text.isBlank()) {
                throw node.error(name, "expected non-empty text or a secret reference, {env: VARIABLE}");
            } else if (text.contains("\r") || text.contains("\n")) {
                throw node.error(name, "a header value must be a single line");
            } else {
                headers.put(name, new Header(text.strip(), null));
            }
        }
        return headers;
    }

    private static Map<ConnectorAction, Endpoint> endpoints(YamlTree node, Map<String, Object> written) {
        Map<ConnectorAction, Endpoint> endpoints = new EnumMap<>(ConnectorAction.class);
        for (Map.Entry<String, Object> entry : written.entrySet()) {
            String name = entry.getKey();
            ConnectorAction action = EnumNames.parse(ConnectorAction.class, name).orElseThrow(() -> node.error(
                    name, "'" + name + "' is not one of " + EnumNames.names(ConnectorAction.class)));
            YamlTree at = node.at(name);
            Endpoint endpoint;
            if (entry.getValue() instanceof Map<?, ?>) {
                EndpointYaml yaml = at.bind(EndpointYaml.class);
                String method = yaml.method() == null ? "POST" : yaml.method().strip().toUpperCase(Locale.ROOT);
                if (!METHODS.contains(method)) {
                    throw at.error("method", "'" + method + "' is not one of POST, PUT, PATCH (the call "
                            + "carries a signed body)");
                }
                endpoint = new Endpoint(method, checkedPath(at.at("path"), yaml.path().strip()));
            } else if (entry.getValue() instanceof String path && !path.isBlank()) {
                endpoint = new Endpoint("POST", checkedPath(at, path.strip()));
            } else {
                throw at.error("expected a path under baseUrl (e.g. /dsr/erase) or {path: ..., method: ...}");
            }
            endpoints.put(action, endpoint);
        }
        if (endpoints.isEmpty()) {
            throw node.error("list at least one action with its endpoint, e.g. ACCESS: /dsr/access");
        }
        return endpoints;
    }

    private static String checkedPath(YamlTree node, String path) {
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("#")) {
            throw node.error("expected a path under baseUrl starting with /, e.g. /dsr/erase");
        }
        try {
            new URI("https://host" + path);
        } catch (URISyntaxException e) {
            throw node.error("not a valid URL path (spaces and some characters must be %-encoded)");
        }
        return path;
    }

    @Override
    public String toString() {
        return "HttpSettings[" + baseUrl + ", signingSecret=" + signingSecret.describe() + ", actions="
                + endpoints.keySet().stream().map(Enum::name).collect(Collectors.joining(",")) + "]";
    }
}
