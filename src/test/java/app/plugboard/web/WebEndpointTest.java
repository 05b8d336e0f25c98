package app.plugboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("The web port")
class WebEndpointTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    @DisplayName("answers health as UP or DOWN only: no components, no details, to anyone on the public port")
    void health() throws Exception {
        // WHEN anyone asks for health on the public web port
        HttpResponse<String> response = get("/actuator/health");

        // THEN the answer is the overall status and nothing else (which parts exist is nobody's business)
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        // AND a component cannot be asked for by name either (they are on the management port only)
        for (String path : new String[] {"/actuator/health/db", "/actuator/health/diskSpace", "/actuator/health/ping"}) {
            HttpResponse<String> component = get(path);
            assertThat(component.statusCode()).as(path).isEqualTo(403);
            assertThat(component.body()).as(path).doesNotContain("status");
        }
    }

    @Test
    @DisplayName("denies everything else, including other actuator endpoints")
    void deniesTheRest() throws Exception {
        for (String path : new String[] {"/", "/actuator", "/actuator/env", "/actuator/beans", "/integrations", "/error"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).as(path).doesNotContain("Exception");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
