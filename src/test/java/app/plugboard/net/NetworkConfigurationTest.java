package app.plugboard.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.StartupProblem;
import app.plugboard.testsupport.StubResolver;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("plugboard.network.allowed-ranges")
class NetworkConfigurationTest {

    final NetworkConfiguration configuration = new NetworkConfiguration();

    @Test
    @DisplayName("none by default: loopback and the private ranges stay blocked")
    void noneByDefault() {
        DestinationGuard guard = configuration.destinationGuard(new StubResolver(), new NetworkProperties(List.of()));

        assertThat(guard.allowedRanges()).isEmpty();
        assertThatThrownBy(() -> guard.check("127.0.0.1", 993)).isInstanceOf(BlockedDestinationException.class);
    }

    @Test
    @DisplayName("CIDR ranges an operator gives are opened; blank entries are ignored")
    void opensGivenRanges() throws Exception {
        DestinationGuard guard = configuration.destinationGuard(new StubResolver(),
                new NetworkProperties(List.of(" 192.168.1.0/24", "", "fd00::/8 ")));

        assertThat(guard.allowedRanges()).extracting(AddressRange::cidr).containsExactly("192.168.1.0/24", "fd00:0:0:0:0:0:0:0/8");
        assertThat(guard.check("192.168.1.9", 993).literal()).isEqualTo("192.168.1.9");
    }

    @Test
    @DisplayName("a value that is not a CIDR range stops the start, naming the setting and the value")
    void refusesNonsense() {
        assertThatThrownBy(() -> configuration.destinationGuard(new StubResolver(),
                new NetworkProperties(List.of("192.168.1.0/24", "intranet"))))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("PLUGBOARD_NETWORK_ALLOWED_RANGES")
                .hasMessageContaining("\"intranet\"");
    }
}
