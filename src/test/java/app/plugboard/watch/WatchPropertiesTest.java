package app.plugboard.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.StartupProblem;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

@DisplayName("The watch's settings")
class WatchPropertiesTest {

    static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    @DisplayName("defaults: every 30 minutes, an error after 2 hours of failing, 8 workers, 4 checks per server")
    void defaults() throws IOException {
        WatchProperties watch = bind(Map.of());

        assertThat(watch).isEqualTo(new WatchProperties(Duration.ofMinutes(30), Duration.ofHours(2), 8, 4,
                Duration.ofSeconds(10), Duration.ofSeconds(30)));
        assertThat(watch.on()).isTrue();
    }

    @Test
    @DisplayName("the PLUGBOARD_WATCH_* variables set them; PLUGBOARD_WATCH_INTERVAL=0 turns the watch off")
    void fromTheEnvironment() throws IOException {
        WatchProperties watch = bind(Map.of("PLUGBOARD_WATCH_INTERVAL", "0", "PLUGBOARD_WATCH_FAILING_GRACE", "45m",
                "PLUGBOARD_WATCH_WORKERS", "2", "PLUGBOARD_WATCH_PER_HOST", "1"));

        assertThat(watch).isEqualTo(new WatchProperties(Duration.ZERO, Duration.ofMinutes(45), 2, 1,
                Duration.ofSeconds(10), Duration.ofSeconds(30)));
        assertThat(watch.on()).isFalse();
    }

    @Test
    @DisplayName("a value that cannot work stops the start, naming the variable, its value and what to set")
    void refusesWhatCannotWork() {
        assertThatThrownBy(() -> new WatchProperties(MINUTE.negated(), MINUTE, 8, 4, MINUTE, MINUTE))
                .isInstanceOf(StartupProblem.class).hasMessage("PLUGBOARD_WATCH_INTERVAL is PT-1M, a negative time.")
                .satisfies(problem -> assertThat(((StartupProblem) problem).action())
                        .isEqualTo("Set PLUGBOARD_WATCH_INTERVAL to a time such as 30m or 2h (0 turns the watch off), "
                                + "or remove it for the default."));
        assertThatThrownBy(() -> new WatchProperties(MINUTE, MINUTE.negated(), 8, 4, MINUTE, MINUTE))
                .hasMessage("PLUGBOARD_WATCH_FAILING_GRACE is PT-1M, a negative time.");
        assertThatThrownBy(() -> new WatchProperties(MINUTE, MINUTE, 0, 4, MINUTE, MINUTE))
                .isInstanceOf(StartupProblem.class).hasMessage("PLUGBOARD_WATCH_WORKERS is 0; it must be at least 1.");
        assertThatThrownBy(() -> new WatchProperties(MINUTE, MINUTE, 8, 0, MINUTE, MINUTE))
                .hasMessage("PLUGBOARD_WATCH_PER_HOST is 0; it must be at least 1.");
        assertThatThrownBy(() -> new WatchProperties(MINUTE, MINUTE, 8, 4, Duration.ZERO, MINUTE))
                .hasMessage("PLUGBOARD_WATCH_POLL_INTERVAL is PT0S; it must be longer than zero.");
        assertThatThrownBy(() -> new WatchProperties(MINUTE, MINUTE, 8, 4, MINUTE, Duration.ZERO))
                .hasMessage("PLUGBOARD_WATCH_HEARTBEAT is PT0S; it must be longer than zero.");
    }

    /** The settings as application.yml reads them from these environment variables. */
    static WatchProperties bind(Map<String, Object> environment) throws IOException {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().addFirst(new MapPropertySource("environment", environment));
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            spring.getPropertySources().addLast(source);
        }
        return Binder.get(spring).bind("plugboard.watch", WatchProperties.class).get();
    }
}
