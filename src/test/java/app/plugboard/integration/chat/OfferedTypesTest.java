package app.plugboard.integration.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.chat.Message;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationType;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The types the chat offers, each with its way in")
class OfferedTypesTest {

    static final IntegrationType MAIL = new IntegrationType("MAIL", "Mail", "Any mailbox.");
    static final IntegrationType CLOUD_MAIL = new IntegrationType("CLOUD_MAIL", "Cloud mail", "Signs in.");

    static SignInLink signIn(IntegrationType type) {
        return new SignInLink() {
            @Override
            public IntegrationType type() {
                return type;
            }

            @Override
            public Message connect(UserId user, String label, @Nullable IntegrationId again) {
                return Message.text("link");
            }
        };
    }

    @Test
    @DisplayName("types come in the order of their ways in, are found by key or name in any case, and are named in a sentence")
    void orderKeysAndNames() {
        // GIVEN two types, in this order
        OfferedTypes types = new OfferedTypes(List.of(signIn(MAIL), signIn(CLOUD_MAIL)));

        // THEN they are offered in that order, found by key or display name, and named as a person reads them
        assertThat(types.all()).containsExactly(MAIL, CLOUD_MAIL);
        assertThat(types.fromKey(" cloud_mail ")).contains(CLOUD_MAIL);
        assertThat(types.fromKey("CLOUD MAIL")).contains(CLOUD_MAIL);
        assertThat(types.fromKey("calendar")).isEmpty();
        assertThat(types.names()).isEqualTo("Mail or Cloud mail");
        assertThat(types.wayIn(MAIL)).get().isInstanceOf(SignInLink.class);
        assertThat(types.wayIn(new IntegrationType("GONE", "Gone", "Removed."))).isEmpty();
    }

    @Test
    @DisplayName("two ways in for one type stop the start, naming the type")
    void twoWaysInRefused() {
        assertThatThrownBy(() -> new OfferedTypes(List.of(signIn(MAIL), signIn(MAIL))))
                .isInstanceOf(IllegalStateException.class).hasMessage("two ways in for the type MAIL");
    }
}
