package app.plugboard.integration.gmail;

import app.plugboard.testsupport.JsonLogs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link GmailSignInFlowTest} with the log as {@code PLUGBOARD_LOG_FORMAT=json} writes it (ECS): after every test, no
 * code, state, PKCE value or token in any field.
 */
@ExtendWith(JsonLogs.class)
@DisplayName("Gmail sign-in in the browser, with the log in JSON (PLUGBOARD_LOG_FORMAT=json)")
class GmailSignInFlowInJsonTest extends GmailSignInFlowTest {
}
