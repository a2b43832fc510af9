package org.rightsflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads the JSON API of an application on the embedded default with the demo API key (every scope). */
public final class DemoApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoApi() {
    }

    /** GETs a path such as {@code /api/v1/requests/DSR-…}, asserting a 200, and returns the parsed body. */
    public static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("X-Api-Key", "demo-api-key").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
