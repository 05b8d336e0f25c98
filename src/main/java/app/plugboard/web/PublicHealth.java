package app.plugboard.web;

import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/health} on the public web port: Spring Boot's health, as the overall status only
 * ({@code {"status":"UP"}}, or DOWN with 503), for load balancers and container health checks. Actuator's
 * own endpoints, health with its parts and the metrics, are on the management port.
 */
@RestController
class PublicHealth {

    static final String PATH = "/actuator/health";

    private final HealthEndpoint health;
    private final HealthEndpointGroups groups;

    PublicHealth(HealthEndpoint health, HealthEndpointGroups groups) {
        this.health = health;
        this.groups = groups;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> health() {
        Status status = health.health().getStatus();
        return ResponseEntity.status(groups.getPrimary().getHttpCodeStatusMapper().getStatusCode(status))
                .body(Map.of("status", status.getCode()));
    }
}
