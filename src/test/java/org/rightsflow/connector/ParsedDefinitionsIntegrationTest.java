package org.rightsflow.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The landing page lists the fields a correction may name, from every connected system's definition: parsed once,
 * not on every view, and a saved change shows on the very next view.
 */
@RightsflowIntegrationTest
class ParsedDefinitionsIntegrationTest {

    @Autowired
    SystemRegistry registry;

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theLandingPageParsesNoDefinitionAgainAndSeesAChangeAtOnce() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
        String key = "loyalty-" + suffix;
        registry.save(manual(key, "loyalty_tier_" + suffix));
        assertThat(landing()).contains("value=\"loyalty_tier_" + suffix + "\"");

        long parsed = registry.definitionsParsed();
        for (int i = 0; i < 20; i++) {
            assertThat(landing()).contains("value=\"loyalty_tier_" + suffix + "\"");
        }
        assertThat(registry.definitionsParsed()).as("definitions parsed by 20 views").isEqualTo(parsed);

        registry.save(manual(key, "shoe_size_" + suffix));
        String changed = landing();
        assertThat(changed).contains("value=\"shoe_size_" + suffix + "\"")
                .doesNotContain("loyalty_tier_" + suffix);
        assertThat(registry.definitionsParsed()).as("only the changed definition parsed again").isEqualTo(parsed + 1);
        for (int i = 0; i < 20; i++) {
            landing();
        }
        assertThat(registry.definitionsParsed()).isEqualTo(parsed + 1);

        registry.setActive(key, false); // out of the way of the other tests of this shared application
        assertThat(landing()).doesNotContain("shoe_size_" + suffix);
    }

    private static SystemDefinition manual(String key, String field) {
        return SystemDefinitions.parseSingle(key + ".yml", """
                key: %s
                name: Loyalty programme %s
                ownerGroup: support-team
                kind: manual
                requestTypes: [CORRECTION]
                correctableFields: [%s]
                """.formatted(key, key, field));
    }

    private String landing() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }
}
