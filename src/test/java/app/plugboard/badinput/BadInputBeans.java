package app.plugboard.badinput;

import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ConnectionProbe;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.calendar.CalDavSettings;
import app.plugboard.integration.calendar.CalendarType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Beside {@link app.plugboard.testsupport.ScriptedProbes} (IMAP and feeds): a CalDAV check that never leaves the
 * machine, and a clock the properties move to let open forms expire.
 */
@TestConfiguration(proxyBeanMethods = false)
class BadInputBeans {

    /** What the scripted CalDAV server calls its calendars: text a stranger controls, with markdown and a bidi override. */
    static final String SHARED_CALENDAR = "Shared **team** \u202Ecal";

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    /**
     * A CalDAV account that connects at any address and holds two calendars: without a calendar chosen, the check
     * asks which one ("Which one?"), each choice already checked.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ConnectionProbe scriptedCalDavProbe() {
        return new ConnectionProbe() {
            @Override
            public SettingsKind kind() {
                return CalendarType.CALDAV;
            }

            @Override
            public CheckResult check(IntegrationSettings settings) {
                CalDavSettings dav = (CalDavSettings) settings;
                if (!dav.allCalendars()) {
                    return CheckResult.connected("Calendar " + dav.calendarName() + ": 2 events this week.");
                }
                return CheckResult.choose("Your account has 2 calendars.", List.of(
                        choice(dav, "Personal", "personal"), choice(dav, SHARED_CALENDAR, "shared")));
            }

            private CheckResult.Choice choice(CalDavSettings dav, String name, String path) {
                CalDavSettings narrowed = new CalDavSettings(dav.serverUrl(), dav.username(), dav.password(),
                        dav.serverUrl() + "/calendars/" + path + "/", name);
                return new CheckResult.Choice(name, "3 events", narrowed, CheckResult.connected("Calendar " + name + ": 3 events."));
            }
        };
    }

    /** The system clock, plus an offset a property can add to and take back. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        void reset() {
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
