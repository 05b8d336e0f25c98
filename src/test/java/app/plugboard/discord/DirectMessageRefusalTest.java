package app.plugboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A direct message Discord will not deliver")
class DirectMessageRefusalTest {

    @Test
    @DisplayName("is a refusal when the person accepts no direct messages (50007) or is unknown (10013); anything else may pass")
    void refusals() {
        assertThat(DiscordNotifier.refusal(error(ErrorResponse.CANNOT_SEND_TO_USER))).isTrue();
        assertThat(DiscordNotifier.refusal(error(ErrorResponse.UNKNOWN_USER))).isTrue();
        assertThat(DiscordNotifier.refusal(error(ErrorResponse.MISSING_ACCESS))).isFalse();
        assertThat(DiscordNotifier.refusal(new java.net.SocketTimeoutException("read timed out"))).isFalse();
    }

    private static ErrorResponseException error(ErrorResponse response) {
        return ErrorResponseException.create(response, new Response(new Exception(response.getMeaning()), Set.of()));
    }
}
