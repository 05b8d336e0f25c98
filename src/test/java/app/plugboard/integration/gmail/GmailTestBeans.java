package app.plugboard.integration.gmail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** What every Gmail test context needs: a clock a test can move. */
@TestConfiguration(proxyBeanMethods = false)
public class GmailTestBeans {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    /** The system clock, plus an offset a test can add to (and that {@link #reset} takes away). */
    public static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        public void advance(Duration by) {
            offset = offset.plus(by);
        }

        public void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
