package org.rightsflow.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.ConnectorException;
import org.rightsflow.connector.SecretReference;
import org.rightsflow.connector.Secrets;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemDefinitions;

/** The http part of a system definition, read as an administrator writes it in YAML. */
class HttpSettingsTest {

    private final HttpConnector connector = new HttpConnector(new Secrets(Map.<String, String>of()::get));

    @Test
    void readsTheDocumentedExampleWithItsDefaults() {
        SystemDefinition system = SystemDefinitions.parseSingle("billing.yml", """
                key: billing-api
                name: Billing API
                ownerGroup: finance
                kind: http
                requestTypes: [ACCESS, DELETION]
                connection:
                  baseUrl: https://billing.internal.example/privacy/
                  signingSecret: {env: BILLING_SIGNING_SECRET}
                  actions:
                    ACCESS: /dsr/access
                    ERASE: {path: /dsr/erase, method: put}
                """);

        connector.validate(system);
        HttpSettings settings = HttpConnector.settings(system);

        assertThat(settings.signingSecret()).isEqualTo(new SecretReference(SecretReference.Source.ENV,
                "BILLING_SIGNING_SECRET"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.remindAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.incidentAfter()).isEqualTo(Duration.ofHours(72));
        assertThat(settings.headers()).isEmpty();
        assertThat(settings.batchSize()).isEqualTo(1000);
        assertThat(settings.endpoint(ConnectorAction.ACCESS)).contains(new HttpSettings.Endpoint("POST", "/dsr/access"));
        assertThat(settings.endpoint(ConnectorAction.ERASE)).contains(new HttpSettings.Endpoint("PUT", "/dsr/erase"));
        assertThat(settings.supports(ConnectorAction.PLAN_ERASURE)).isFalse();
        assertThat(settings.resolve("/dsr/erase").toString())
                .as("one slash between base and path").isEqualTo("https://billing.internal.example/privacy/dsr/erase");
    }

    @Test
    void readsTimeoutCallbackDelaysAndHeaders() {
        HttpSettings settings = HttpConnector.settings(system("""
                  timeout: PT30S
                  batchSize: 10000
                  callback: {remindAfter: PT12H, incidentAfter: P5D}
                  headers:
                    X-Tenant: shop
                    Authorization: {env: BILLING_TOKEN}
                """));

        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.batchSize()).isEqualTo(10_000);
        assertThat(settings.remindAfter()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.incidentAfter()).isEqualTo(Duration.ofDays(5));
        assertThat(settings.headers()).containsOnlyKeys("X-Tenant", "Authorization");
        assertThat(settings.headers().get("X-Tenant").text()).isEqualTo("shop");
        assertThat(settings.headers().get("Authorization").secret().describe()).isEqualTo("{env: BILLING_TOKEN}");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "signingSecret: {env: S}                                                   | connection.baseUrl: required but missing",
            "baseUrl: ftp://billing.example ; signingSecret: {env: S}                  | connection.baseUrl: expected an https:// (or http://) URL",
            "baseUrl: billing.example/privacy ; signingSecret: {env: S}                | connection.baseUrl: expected an https:// (or http://) URL",
            "baseUrl: https://billing.example?x=1 ; signingSecret: {env: S}            | connection.baseUrl: must not contain ? or #",
            "baseUrl: https://billing.example                                           | connection.signingSecret: required",
            "baseUrl: https://billing.example ; signingSecret: {vault: S}               | connection.signingSecret.vault: unknown key",
            "baseUrl: https://billing.example ; signingSecret: {env: S} ; timeout: 10s  | connection.timeout: expected an ISO-8601 duration",
            "baseUrl: https://billing.example ; signingSecret: {env: S} ; timeout: PT0S | connection.timeout: must be longer than zero",
            "baseUrl: https://billing.example ; signingSecret: {env: S} ; timeout: PT5M | connection.timeout: at most PT2M",
            "baseUrl: https://billing.example ; signingSecret: {env: S} ; tiemout: PT5S | connection.tiemout: unknown key 'tiemout'",
            "baseUrl: https://billing.example ; signingSecret: {env: S} ; callback: {remindAfter: PT72H, incidentAfter: PT24H} | connection.callback.incidentAfter: must be longer than remindAfter (PT72H)",
            "baseUrl: https://billing.example ; signingSecret: {env: S} ; callback: {remind: PT1H} | connection.callback.remind: unknown key",
            "baseUrl: https://billing.example ; signingSecret: {env: S} ; headers: {Idempotency-Key: x} | connection.headers.Idempotency-Key: set by Rightsflow itself",
            "baseUrl: https://billing.example ; signingSecret: {env: S} ; headers: {X-Rightsflow-Signature: x} | connection.headers.X-Rightsflow-Signature: set by Rightsflow itself",
            "baseUrl: https://billing.example ; signingSecret: {env: S} ; headers: {\"Bad Name\": x} | connection.headers.Bad Name: not a valid HTTP header name",
            "baseUrl: https://billing.example ; signingSecret: {env: S} ; headers: {X-Api-Key: {vault: k}} | connection.headers.X-Api-Key.vault: unknown key",
            "baseUrl: https://billing.example ; signingSecret: {env: S} ; batchSize: 0  | connection.batchSize: expected a whole number greater than 0",
            "baseUrl: https://billing.example ; signingSecret: {env: S} ; batchSize: 500.5 | connection.batchSize: expected a whole number",
            "baseUrl: https://billing.example ; signingSecret: {env: S} ; batchSize: 10001 | connection.batchSize: at most 10000 people per call",
    })
    void refusesABadConnectionNamingThePath(String connectionLines, String message) {
        String connection = "  " + connectionLines.replace(" ; ", "\n  ") + "\n";
        String actions = connectionLines.contains("actions") ? "" : "  actions: {ACCESS: /dsr/access}\n";

        assertThatThrownBy(() -> connector.validate(definition(connection + actions)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("billing.yml: ")
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "                                              | connection.actions: required but missing",
            "actions: {}                                   | connection.actions: list at least one action",
            "actions: {DELETE: /dsr/delete}                 | connection.actions.DELETE: 'DELETE' is not one of [ACCESS, PLAN_ERASURE, ERASE, OPT_OUT, LIMIT_USE, CORRECT]",
            "actions: {ERASE: dsr/erase}                    | connection.actions.ERASE: expected a path under baseUrl starting with /",
            "actions: {ERASE: //evil.example/erase}         | connection.actions.ERASE: expected a path under baseUrl starting with /",
            "actions: {ERASE: /dsr/my erase}                | connection.actions.ERASE: not a valid URL path",
            "actions: {ERASE: {path: /dsr/erase, method: GET}} | connection.actions.ERASE.method: 'GET' is not one of POST, PUT, PATCH",
            "actions: {ERASE: {method: POST}}                | connection.actions.ERASE.path: required but missing",
            "actions: {ERASE: {path: /dsr/erase, verb: POST}} | connection.actions.ERASE.verb: unknown key",
    })
    void refusesBadActionsNamingThePath(String actionsLine, String message) {
        String connection = "  baseUrl: https://billing.example\n  signingSecret: {env: S}\n"
                + (actionsLine == null ? "" : "  " + actionsLine + "\n");

        assertThatThrownBy(() -> connector.validate(definition(connection)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void namesThePathInsideADocumentOfSystems() {
        String document = """
                systems:
                  - key: billing-api
                    name: Billing API
                    ownerGroup: finance
                    kind: http
                    requestTypes: [DELETION]
                    connection:
                      baseUrl: https://billing.example
                      signingSecret: {env: S}
                      actions: {ERASE: {path: /dsr/erase, method: DELETE}}
                """;
        SystemDefinition system = SystemDefinitions.parseDocument("systems.yml", document).get(0);

        assertThatThrownBy(() -> connector.validate(system))
                .hasMessageStartingWith("systems.yml: systems[0].connection.actions.ERASE.method: 'DELETE'");
    }

    @Test
    void refusesADatasetOnAnHttpSystem() {
        String yaml = """
                key: billing-api
                name: Billing API
                ownerGroup: finance
                kind: http
                requestTypes: [DELETION]
                connection:
                  baseUrl: https://billing.example
                  signingSecret: {env: S}
                  actions: {ERASE: /dsr/erase}
                dataset:
                  tables: []
                """;

        assertThatThrownBy(() -> connector.validate(SystemDefinitions.parseSingle("billing.yml", yaml)))
                .hasMessage("billing.yml: dataset: not used by an http system: the service itself knows its data");
    }

    @Test
    void aSecretWrittenInPlainTextIsRefusedWithoutRepeatingIt() {
        String secret = "plain-text-secret-do-not-show-0123456789";

        assertThatThrownBy(() -> connector.validate(system("", "  signingSecret: " + secret + "\n")))
                .hasMessageContaining("connection.signingSecret: a secret must be a reference")
                .message().doesNotContain(secret);
        assertThatThrownBy(() -> connector.validate(system("  headers: {Authorization: Bearer " + secret + "}\n")))
                .hasMessageContaining("connection.headers.Authorization: this header usually carries a credential")
                .message().doesNotContain(secret);
        assertThatThrownBy(() -> connector.validate(system("  headers: {X-Api-Key: " + secret + "}\n")))
                .hasMessageContaining("connection.headers.X-Api-Key: this header usually carries a credential")
                .message().doesNotContain(secret);
        assertThatThrownBy(() -> connector.validate(definition(
                "  baseUrl: https://rightsflow:" + secret + "@billing.example\n  signingSecret: {env: S}\n"
                        + "  actions: {ACCESS: /dsr/access}\n")))
                .hasMessageContaining("connection.baseUrl: must not contain a user name or password")
                .message().doesNotContain(secret);
    }

    @Test
    void aShortSigningSecretIsRefusedWhenResolvedNamingOnlyItsReference() {
        HttpSettings settings = HttpConnector.settings(system(""));
        Secrets secrets = new Secrets(Map.of("BILLING_SIGNING_SECRET", "too-short-secret")::get);

        assertThatThrownBy(() -> settings.resolveSigningSecret(secrets))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Secret {env: BILLING_SIGNING_SECRET}: a signing secret needs at least 32 characters "
                        + "(e.g. the output of: openssl rand -hex 32)");
        assertThatThrownBy(() -> settings.resolveSigningSecret(new Secrets(Map.<String, String>of()::get)))
                .hasMessage("Secret {env: BILLING_SIGNING_SECRET}: the environment variable is not set");
    }

    /** A valid billing system with extra connection lines (indented two spaces). */
    private static SystemDefinition system(String extraConnectionLines) {
        return system(extraConnectionLines, "  signingSecret: {env: BILLING_SIGNING_SECRET}\n");
    }

    private static SystemDefinition system(String extraConnectionLines, String secretLine) {
        return definition("  baseUrl: https://billing.example\n" + secretLine
                + "  actions: {ACCESS: /dsr/access, ERASE: /dsr/erase}\n" + extraConnectionLines);
    }

    private static SystemDefinition definition(String connectionLines) {
        return SystemDefinitions.parseSingle("billing.yml", """
                key: billing-api
                name: Billing API
                ownerGroup: finance
                kind: http
                requestTypes: [ACCESS, DELETION]
                connection:
                """ + connectionLines);
    }
}
