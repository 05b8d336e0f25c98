package app.plugboard.workflow.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.Limits;
import app.plugboard.chat.QuickRead;
import app.plugboard.chat.Suggestion;
import app.plugboard.common.UserFacingException;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The {@code integrations} option of {@code /workflow create}: one or more of the person's own
 * integrations by label, separated by commas ({@code Work mail, Family}). Autocomplete completes
 * the label being typed and keeps the ones before it.
 */
@Component
class IntegrationListOption {

    static final String OPTION = "integrations";

    private final IntegrationService integrations;
    private final QuickRead quickRead;

    IntegrationListOption(IntegrationService integrations, QuickRead quickRead) {
        this.integrations = integrations;
        this.quickRead = quickRead;
    }

    List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        String typed = event.typed();
        int comma = typed.lastIndexOf(',');
        String before = comma < 0 ? "" : typed.substring(0, comma + 1).trim() + " ";
        String partial = (comma < 0 ? typed : typed.substring(comma + 1)).trim().toLowerCase(Locale.ROOT);
        List<IntegrationView> own = quickRead.within(() -> integrations.list(event.user())).orElse(List.of());
        String chosen = before.toLowerCase(Locale.ROOT);
        return own.stream()
                .filter(i -> i.label().toLowerCase(Locale.ROOT).contains(partial))
                .filter(i -> !chosen.contains(i.label().toLowerCase(Locale.ROOT) + ","))
                .sorted(Comparator.comparing((IntegrationView i) -> !i.label().toLowerCase(Locale.ROOT).startsWith(partial)))
                .map(i -> before + i.label())
                .filter(value -> value.length() <= Limits.SUGGESTION_TEXT)
                .limit(Limits.SUGGESTIONS)
                .map(value -> new Suggestion(value, value))
                .toList();
    }

    /**
     * The integrations named, in order. Labels may themselves hold commas: the longest label that
     * fits is taken first.
     */
    Set<IntegrationId> resolve(UserId user, String text) {
        List<IntegrationView> own = integrations.list(user);
        List<IntegrationView> byLength = new ArrayList<>(own);
        byLength.sort(Comparator.comparingInt((IntegrationView i) -> i.label().length()).reversed());
        Set<IntegrationId> found = new LinkedHashSet<>();
        String rest = text.trim();
        while (!rest.isEmpty()) {
            String remaining = rest;
            IntegrationView match = byLength.stream()
                    .filter(i -> remaining.regionMatches(true, 0, i.label(), 0, i.label().length()))
                    .filter(i -> remaining.length() == i.label().length()
                            || remaining.substring(i.label().length()).trim().startsWith(","))
                    .findFirst()
                    .orElseGet(() -> byId(own, remaining));
            if (match == null) {
                String segment = remaining.contains(",") ? remaining.substring(0, remaining.indexOf(',')).trim() : remaining;
                throw new UnknownIntegration(segment);
            }
            found.add(match.id());
            rest = remaining.substring(Math.min(remaining.length(), labelOrIdLength(match, remaining))).trim();
            if (rest.startsWith(",")) {
                rest = rest.substring(1).trim();
            }
        }
        return found;
    }

    private static IntegrationView byId(List<IntegrationView> own, String remaining) {
        String first = remaining.contains(",") ? remaining.substring(0, remaining.indexOf(',')).trim() : remaining.trim();
        return own.stream().filter(i -> i.id().toString().equalsIgnoreCase(first)).findFirst().orElse(null);
    }

    private static int labelOrIdLength(IntegrationView match, String remaining) {
        return remaining.regionMatches(true, 0, match.label(), 0, match.label().length())
                ? match.label().length() : match.id().toString().length();
    }

    static final class UnknownIntegration extends UserFacingException {
        UnknownIntegration(String segment) {
            super("You have no integration labelled \"" + Limits.fit(segment, 60) + "\". Name your integrations by "
                    + "label, separated by commas (start typing and pick from the list), or see them with /integration list.");
        }
    }
}
