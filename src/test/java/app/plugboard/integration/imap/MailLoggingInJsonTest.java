package app.plugboard.integration.imap;

import app.plugboard.testsupport.JsonLogs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MailLoggingTest} with the log as {@code PLUGBOARD_LOG_FORMAT=json} writes it (ECS). */
@ExtendWith(JsonLogs.class)
@DisplayName("Mail logging in JSON (PLUGBOARD_LOG_FORMAT=json): no password in any field or protocol trace")
class MailLoggingInJsonTest extends MailLoggingTest {
}
