package app.plugboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=-1")
@DisplayName("PLUGBOARD_MANAGEMENT_PORT=-1")
class ManagementPortOffTest {

    @LocalServerPort
    int webPort;
    @Autowired
    ApplicationContext context;

    @Test
    @DisplayName("turns the management port off: no second server, no metrics anywhere, and the web port still answers health")
    void off() throws Exception {
        // THEN the web port is the only server: no management server started (it would say its port here)
        assertThat(context.getEnvironment().getProperty("local.management.port")).isNull();
        assertThat(((WebServerApplicationContext) context).getWebServer().getPort()).isEqualTo(webPort);
        // AND the web port answers health, and refuses metrics
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(403);
    }
}
