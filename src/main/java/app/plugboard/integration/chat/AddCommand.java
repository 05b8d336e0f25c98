package app.plugboard.integration.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Limits;
import app.plugboard.chat.QuickRead;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.IntegrationView;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code /integration add type:<type> label:<text>}: opens the type's form, or answers with its sign-in
 * link, as the type's {@link WayIn} says. The label is checked before the form opens, so nobody types a
 * form in vain.
 */
@Component
class AddCommand implements CommandHandler {

    static final String TYPE = "type";
    static final String LABEL = "label";

    private final OfferedTypes types;
    private final SettingsForms forms;
    private final IntegrationService integrations;
    private final QuickRead quickRead;

    AddCommand(OfferedTypes types, SettingsForms forms, IntegrationService integrations, QuickRead quickRead) {
        this.types = types;
        this.forms = forms;
        this.integrations = integrations;
        this.quickRead = quickRead;
    }

    @Override
    public String command() {
        return IntegrationCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("add", "Connect a new service: IMAP mail, Gmail, Outlook or a calendar, under a label you choose",
                CommandSpec.Parameter.autocompleted(TYPE, "What to connect (start typing to filter)"),
                CommandSpec.Parameter.required(LABEL, "Your name for it, such as Work mail", IntegrationService.MAX_LABEL_LENGTH));
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        IntegrationType type = types.fromKey(event.option(TYPE)).orElse(null);
        if (type == null) {
            return Response.reply("I don't know the type \"" + Limits.fit(event.option(TYPE), 40) + "\". Pick one of: "
                    + types.all().stream().map(t -> t.displayName() + " (`" + t.key() + "`)")
                            .collect(Collectors.joining(", ")) + ".");
        }
        String label = IntegrationService.validLabel(event.option(LABEL));
        boolean taken = quickRead.within(() -> integrations.list(event.user()).stream()
                .map(IntegrationView::label).anyMatch(label::equalsIgnoreCase)).orElse(false);
        if (taken) {
            return Response.reply("You already have an integration labelled \"" + label
                    + "\" (labels ignore upper and lower case). Choose another label.");
        }
        if (types.wayIn(type).orElseThrow() instanceof SignInLink signIn) {
            return Response.later(() -> signIn.connect(event.user(), label, null));
        }
        return forms.open(event.user(), FormDraft.adding(type, label));
    }

    @Override
    public List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        if (!TYPE.equals(event.focused())) {
            return List.of();
        }
        String typed = event.typed().trim().toLowerCase(Locale.ROOT);
        return types.all().stream()
                .filter(type -> typed.isEmpty() || type.displayName().toLowerCase(Locale.ROOT).contains(typed)
                        || type.key().contains(typed) || type.description().toLowerCase(Locale.ROOT).contains(typed))
                .map(type -> new Suggestion(Limits.fit(type.displayName() + " — " + type.description(), Limits.SUGGESTION_TEXT),
                        type.key()))
                .toList();
    }
}
