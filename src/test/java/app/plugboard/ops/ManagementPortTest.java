package app.plugboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.StartupProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

@DisplayName("PLUGBOARD_MANAGEMENT_PORT")
class ManagementPortTest {

    @Test
    @DisplayName("the web port's own number (or none at all) would make metrics public: the start stops, saying what to set")
    void sameAsTheWebPort() {
        StartupProblem same = ManagementPort.problem(new MockEnvironment()
                .withProperty("server.port", "8080").withProperty("management.server.port", "8080"));
        StartupProblem none = ManagementPort.problem(new MockEnvironment().withProperty("server.port", "8080"));

        assertThat(same).isNotNull();
        assertThat(same.getMessage()).isEqualTo("PLUGBOARD_MANAGEMENT_PORT (8080) would put metrics on the public web port "
                + "(PLUGBOARD_WEB_PORT, 8080).");
        assertThat(same.action()).contains("a port of its own (the default is 8081)", "-1 to turn metrics off");
        assertThat(none).isNotNull();
    }

    @Test
    @DisplayName("a port of its own, any free port (0), or off (-1) start")
    void ownPortOrOff() {
        assertThat(ManagementPort.problem(new MockEnvironment()
                .withProperty("server.port", "8080").withProperty("management.server.port", "8081"))).isNull();
        assertThat(ManagementPort.problem(new MockEnvironment()
                .withProperty("server.port", "0").withProperty("management.server.port", "0"))).isNull();
        assertThat(ManagementPort.problem(new MockEnvironment()
                .withProperty("server.port", "8080").withProperty("management.server.port", "-1"))).isNull();
    }
}
