package app.plugboard.integration.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.Limits;
import app.plugboard.chat.QuickRead;
import app.plugboard.chat.Suggestion;
import app.plugboard.common.UserFacingException;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The {@code integration} option of edit, check and delete: autocomplete offers the caller's own
 * integrations (the label shown, the id sent); a typed label is accepted too (the terminal types
 * labels).
 */
@Component
class IntegrationPicker {

    static final String OPTION = "integration";

    private final IntegrationService integrations;
    private final QuickRead quickRead;

    IntegrationPicker(IntegrationService integrations, QuickRead quickRead) {
        this.integrations = integrations;
        this.quickRead = quickRead;
    }

    List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        String typed = event.typed().trim().toLowerCase(Locale.ROOT);
        List<IntegrationView> own = quickRead.within(() -> integrations.list(event.user())).orElse(List.of());
        return own.stream()
                .filter(i -> typed.isEmpty() || i.label().toLowerCase(Locale.ROOT).contains(typed)
                        || i.type().displayName().toLowerCase(Locale.ROOT).contains(typed))
                .sorted(Comparator.comparing((IntegrationView i) -> !i.label().toLowerCase(Locale.ROOT).startsWith(typed)))
                .limit(Limits.SUGGESTIONS)
                .map(i -> new Suggestion(Limits.fit(i.label() + " · " + i.type().displayName(), Limits.SUGGESTION_TEXT),
                        i.id().toString()))
                .toList();
    }

    /** The caller's integration named by the option: its id as autocomplete sent it, or its label. */
    IntegrationView resolve(UserId user, String value) {
        String typed = value.trim();
        if (typed.isEmpty()) {
            throw new NoSuchLabel("Choose an integration: start typing its label and pick it from the list.");
        }
        try {
            return integrations.get(user, IntegrationId.parse(typed));
        } catch (IllegalArgumentException notAnId) {
            return integrations.list(user).stream()
                    .filter(i -> i.label().equalsIgnoreCase(typed))
                    .findFirst()
                    .orElseThrow(() -> new NoSuchLabel("You have no integration labelled \"" + Limits.fit(typed, 60)
                            + "\". Start typing its label and pick it from the list, or see yours with /integration list."));
        }
    }

    static final class NoSuchLabel extends UserFacingException {
        NoSuchLabel(String message) {
            super(message);
        }
    }
}
