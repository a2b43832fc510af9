package org.rightsflow.connector.http;

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
import org.rightsflow.support.YamlNode;

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

    /**
     * Reads and checks a {@code connection} node.
     *
     * @throws IllegalArgumentException naming the path of the first problem
     */
    public static HttpSettings from(YamlNode connection) {
        connection.allowOnly("baseUrl", "signingSecret", "timeout", "callback", "headers", "actions", "batchSize");
        URI baseUrl = baseUrl(connection);
        SecretReference secret = Secrets.reference(connection, "signingSecret")
                .orElseThrow(() -> connection.error("signingSecret",
                        "required: the secret both sides sign with, e.g. {env: BILLING_SIGNING_SECRET}"));
        Duration timeout = duration(connection, "timeout", DEFAULT_TIMEOUT);
        if (timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw connection.error("timeout", "at most " + MAX_TIMEOUT
                    + "; a system that needs longer should answer 202 and call back");
        }
        Duration remindAfter = DEFAULT_REMIND_AFTER;
        Duration incidentAfter = DEFAULT_INCIDENT_AFTER;
        if (connection.has("callback")) {
            YamlNode callback = connection.node("callback");
            callback.allowOnly("remindAfter", "incidentAfter");
            remindAfter = duration(callback, "remindAfter", DEFAULT_REMIND_AFTER);
            incidentAfter = duration(callback, "incidentAfter", DEFAULT_INCIDENT_AFTER);
            if (incidentAfter.compareTo(remindAfter) <= 0) {
                throw callback.error("incidentAfter", "must be longer than remindAfter (" + remindAfter
                        + "): the owner group is reminded first, then an incident is raised");
            }
        }
        int batchSize = connection.has("batchSize") ? connection.positiveInt("batchSize") : DEFAULT_BATCH_SIZE;
        if (batchSize > MAX_BATCH_SIZE) {
            throw connection.error("batchSize", "at most " + MAX_BATCH_SIZE + " people per call");
        }
        return new HttpSettings(baseUrl, secret, timeout, remindAfter, incidentAfter, headers(connection),
                endpoints(connection), batchSize);
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

    private static URI baseUrl(YamlNode connection) {
        String text = connection.string("baseUrl");
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw connection.error("baseUrl", "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw connection.error("baseUrl", "expected an https:// (or http://) URL");
        }
        if (uri.getHost() == null) {
            throw connection.error("baseUrl", "the URL has no host");
        }
        // Credentials in a URL would be a secret in plain text; use a header with a secret reference instead.
        if (uri.getRawUserInfo() != null) {
            throw connection.error("baseUrl", "must not contain a user name or password; use headers with a "
                    + "secret reference, e.g. Authorization: {env: BILLING_TOKEN}");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw connection.error("baseUrl", "must not contain ? or #; put query parameters in the action paths");
        }
        return uri;
    }

    private static Duration duration(YamlNode node, String key, Duration fallback) {
        if (!node.has(key)) {
            return fallback;
        }
        String text = node.string(key);
        Duration value;
        try {
            value = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw node.error(key, "expected an ISO-8601 duration such as PT10S, PT24H or P3D, found '" + text + "'");
        }
        if (value.isNegative() || value.isZero()) {
            throw node.error(key, "must be longer than zero");
        }
        return value;
    }

    private static Map<String, Header> headers(YamlNode connection) {
        Map<String, Header> headers = new LinkedHashMap<>();
        if (!connection.has("headers")) {
            return headers;
        }
        YamlNode node = connection.node("headers");
        for (String name : node.keys()) {
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
            Object raw = node.raw(name);
            if (raw instanceof Map<?, ?>) {
                headers.put(name, new Header(null, Secrets.reference(node, name).orElseThrow()));
            } else if (SECRET_LOOKING_HEADER.matcher(lower).matches()) {
                // Never echo the value: it is probably the very secret that must not be written down.
                throw node.error(name, "this header usually carries a credential, so its value must be a secret "
                        + "reference, {env: VARIABLE} or {file: /path/to/file}, never the value itself");
            } else {
                String text = node.string(name);
                if (text.contains("\r") || text.contains("\n")) {
                    throw node.error(name, "a header value must be a single line");
                }
                headers.put(name, new Header(text, null));
            }
        }
        return headers;
    }

    private static Map<ConnectorAction, Endpoint> endpoints(YamlNode connection) {
        YamlNode actions = connection.node("actions");
        Map<ConnectorAction, Endpoint> endpoints = new EnumMap<>(ConnectorAction.class);
        for (String name : actions.keys()) {
            ConnectorAction action = EnumNames.parse(ConnectorAction.class, name).orElseThrow(() -> actions.error(
                    name, "'" + name + "' is not one of " + EnumNames.names(ConnectorAction.class)));
            Object raw = actions.raw(name);
            String path;
            String method = "POST";
            if (raw instanceof Map<?, ?>) {
                YamlNode endpoint = actions.node(name);
                endpoint.allowOnly("path", "method");
                path = endpoint.string("path");
                method = endpoint.optionalString("method", "POST").toUpperCase(Locale.ROOT);
                if (!METHODS.contains(method)) {
                    throw endpoint.error("method", "'" + method + "' is not one of POST, PUT, PATCH (the call "
                            + "carries a signed body)");
                }
                checkPath(endpoint, "path", path);
            } else {
                path = actions.string(name);
                checkPath(actions, name, path);
            }
            endpoints.put(action, new Endpoint(method, path));
        }
        if (endpoints.isEmpty()) {
            throw connection.error("actions", "list at least one action with its endpoint, e.g. ACCESS: /dsr/access");
        }
        return endpoints;
    }

    private static void checkPath(YamlNode node, String key, String path) {
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("#")) {
            throw node.error(key, "expected a path under baseUrl starting with /, e.g. /dsr/erase");
        }
        try {
            new URI("https://host" + path);
        } catch (URISyntaxException e) {
            throw node.error(key, "not a valid URL path (spaces and some characters must be %-encoded)");
        }
    }

    @Override
    public String toString() {
        return "HttpSettings[" + baseUrl + ", signingSecret=" + signingSecret.describe() + ", actions="
                + endpoints.keySet().stream().map(Enum::name).collect(Collectors.joining(",")) + "]";
    }
}
