package app.plugboard.integration;

import app.plugboard.testsupport.JsonLogs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SecretsAtRestTest} with the log as {@code PLUGBOARD_LOG_FORMAT=json} writes it (ECS). */
@ExtendWith(JsonLogs.class)
@DisplayName("Secrets at rest, with the log in JSON (PLUGBOARD_LOG_FORMAT=json)")
class SecretsAtRestInJsonTest extends SecretsAtRestTest {
}
