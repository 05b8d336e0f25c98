package app.plugboard.ops;

import app.plugboard.common.StartupProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Metrics never go to the public web port: a management port equal to the web port (or none at all)
 * stops the start, saying what to set. {@code -1} turns the management port off.
 */
@Component
class ManagementPort {

    ManagementPort(Environment environment) {
        StartupProblem problem = problem(environment);
        if (problem != null) {
            throw problem;
        }
    }

    static @Nullable StartupProblem problem(Environment environment) {
        if (ManagementPortType.get(environment) != ManagementPortType.SAME) {
            return null;
        }
        return new StartupProblem("PLUGBOARD_MANAGEMENT_PORT (" + environment.getProperty("management.server.port", "unset")
                + ") would put metrics on the public web port (PLUGBOARD_WEB_PORT, "
                + environment.getProperty("server.port", "8080") + ").",
                "Give PLUGBOARD_MANAGEMENT_PORT a port of its own (the default is 8081), or set it to -1 to turn metrics "
                        + "off, then start Plugboard again.");
    }
}
