package app.plugboard.testsupport;

import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ConnectionProbe;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.calendar.CalendarType;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.integration.imap.ImapType;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Stand-in connection checks for the conversation tests, ordered before the real probes (the real probes have tests of their
 * own against real servers). They answer by the values typed:
 * IMAP server {@code unknown.example.com} -> unknown server; password {@code wrong} -> login
 * refused; server {@code busy.example.com} -> failing for now; anything else connects.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScriptedProbes {

    public static final String UNKNOWN_SERVER = "unknown.example.com";
    public static final String BUSY_SERVER = "busy.example.com";
    public static final String WRONG_PASSWORD = "wrong";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ConnectionProbe scriptedImapProbe() {
        return new ConnectionProbe() {
            @Override
            public SettingsKind kind() {
                return ImapType.KIND;
            }

            @Override
            public CheckResult check(IntegrationSettings settings) {
                ImapSettings imap = (ImapSettings) settings;
                if (UNKNOWN_SERVER.equals(imap.server())) {
                    return CheckResult.error("The server " + imap.server()
                            + " is unknown: check the IMAP server name.", ImapSettings.SERVER);
                }
                if (WRONG_PASSWORD.equals(imap.password().reveal())) {
                    return CheckResult.error("The server refused the login: check the username and password.",
                            ImapSettings.PASSWORD);
                }
                if (BUSY_SERVER.equals(imap.server())) {
                    return CheckResult.failing("The server did not answer in time; it will be tried again.");
                }
                return CheckResult.connected("Connected as " + imap.username() + ": INBOX 1,234 messages (5 unread), 12 folders.");
            }
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ConnectionProbe scriptedFeedProbe() {
        return new ConnectionProbe() {
            @Override
            public SettingsKind kind() {
                return CalendarType.FEED;
            }

            @Override
            public CheckResult check(IntegrationSettings settings) {
                CalendarFeedSettings feed = (CalendarFeedSettings) settings;
                return CheckResult.connected("Calendar at " + feed.displayUrl() + ": 3 events, the next on 1 Dec 2026, 09:00 UTC.");
            }
        };
    }
}
