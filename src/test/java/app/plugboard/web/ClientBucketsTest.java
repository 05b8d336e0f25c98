package app.plugboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The web port's buckets of client addresses")
class ClientBucketsTest {

    @Test
    @DisplayName("an address gets its share at once, then waits for the refill; another address has a share of its own")
    void sharePerAddress() {
        ClientBuckets buckets = new ClientBuckets(30, 100);

        assertThat(IntStream.range(0, 30).mapToObj(i -> buckets.take("192.0.2.1")))
                .allMatch(ClientBuckets.Decision::allowed);
        ClientBuckets.Decision refused = buckets.take("192.0.2.1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 2L);
        assertThat(buckets.take("192.0.2.2").allowed()).isTrue();
    }

    @Test
    @DisplayName("a hundred thousand addresses: no more than the configured number are remembered")
    void bounded() {
        ClientBuckets buckets = new ClientBuckets(30, 1_000);

        for (int i = 0; i < 100_000; i++) {
            buckets.take("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }

        assertThat(buckets.clients()).isLessThanOrEqualTo(1_000);
    }
}
