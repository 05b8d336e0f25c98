package app.plugboard.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock plus an offset a test moves forward ({@link #advance}), so hours of a schedule pass in an
 * instant. One per test JVM ({@link #SHARED}): two application contexts of one test see the same time. Import
 * {@link Beans} to make it the application's clock.
 */
public final class TestClock extends Clock {

    public static final TestClock SHARED = new TestClock();

    private volatile Duration offset = Duration.ZERO;

    private TestClock() {
    }

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

    /** Makes {@link #SHARED} the application's {@link Clock}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Beans {
        @Bean
        @Primary
        TestClock testClock() {
            return SHARED;
        }
    }
}
