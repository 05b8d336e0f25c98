package app.plugboard.integration.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ComponentHandler;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ExpiredException;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.common.FieldProblem;
import app.plugboard.common.InvalidInputException;
import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ConnectionChecker;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.SecretReuse;
import app.plugboard.integration.DuplicateLabelException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A submitted form. Settings are checked against their service before anything is stored: a new
 * integration is saved only once it connects, and new credentials replace the old ones only then.
 * Whatever is refused offers "Try again", prefilled with what was typed except secrets. When the check
 * finds several things the settings could mean (the calendars of a CalDAV account), {@link Choices} asks
 * which before anything is saved.
 */
@Component
class SubmitForm implements ComponentHandler {

    private final SettingsForms forms;
    private final IntegrationService integrations;
    private final ConnectionChecker checker;
    private final Choices choices;

    SubmitForm(SettingsForms forms, IntegrationService integrations, ConnectionChecker checker, Choices choices) {
        this.forms = forms;
        this.integrations = integrations;
        this.checker = checker;
        this.choices = choices;
    }

    @Override
    public String route() {
        return Ids.route(Ids.SUBMIT);
    }

    @Override
    public Response handle(ChatEvent event, ComponentId id) {
        if (!(event instanceof ChatEvent.FormSubmit submit)) {
            throw new ExpiredException();
        }
        String token = id.arg(0);
        UserId user = submit.user();
        FormDraft draft = forms.draft(user, token);
        forms.remember(user, token, draft, submit.values());
        return switch (draft.intent()) {
            case RENAME -> Response.later(() -> rename(user, token, draft, submit.values()));
            case ADD -> add(user, token, draft, submit.values());
            case REPLACE_CREDENTIALS, CHANGE_URL, SENDING -> Response.later("Checking the new settings…",
                    () -> replace(user, token, draft, submit.values()));
        };
    }

    private Message rename(UserId user, String token, FormDraft draft, Map<String, String> typed) {
        try {
            IntegrationView renamed = integrations.rename(user, draft.integration(), draft.version(),
                    typed.getOrDefault(IntegrationService.LABEL, ""));
            forms.close(token);
            return Message.text("✏️ Renamed " + draft.label() + " to " + renamed.label() + ".");
        } catch (InvalidInputException | DuplicateLabelException refused) {
            return Views.refusedWithRetry("⚠️ " + refused.userMessage(), token);
        }
    }

    private Response add(UserId user, String token, FormDraft draft, Map<String, String> typed) {
        IntegrationSettings settings;
        try {
            settings = forms.of(draft.type()).parse(FormPurpose.ADD, typed, null);
            settings.validate();
        } catch (InvalidInputException refused) {
            return new Response.Reply(Views.refusedWithRetry("⚠️ Please fix this and try again:\n" + refused.userMessage(), token));
        }
        return Response.later("Checking the connection…", () -> {
            CheckResult result = checker.check(settings);
            if (!result.usable()) {
                return Views.refusedWithRetry("❌ " + draft.label() + " is not saved: " + result.message(), token);
            }
            if (result.asksToChoose()) {
                return choices.ask(user, token, draft, result);
            }
            return save(user, token, draft, settings, result);
        });
    }

    /** Stores checked settings: a new integration, or new settings replacing the old. */
    Message save(UserId user, String token, FormDraft draft, IntegrationSettings settings, CheckResult result) {
        if (draft.intent() == FormDraft.Intent.ADD) {
            IntegrationView created = integrations.create(user, draft.label(), settings, result);
            forms.close(token);
            return Views.checked(created.status() == app.plugboard.integration.IntegrationStatus.CONNECTED
                    ? created.label() + " is connected." : "Saved " + created.label() + ".", created, result);
        }
        IntegrationView updated = integrations.replaceSettings(user, draft.integration(), draft.version(), settings, result);
        forms.close(token);
        return Views.checked("Updated " + updated.label() + ".", updated, result);
    }

    private Message replace(UserId user, String token, FormDraft draft, Map<String, String> typed) {
        IntegrationSettings current = integrations.settings(user, draft.integration());
        IntegrationSettings settings;
        try {
            settings = forms.of(draft.type()).parse(draft.intent().purpose(), typed, current);
            settings.validate();
            keepsStoredSecretsWhereTheyWere(draft, typed, current, settings);
        } catch (InvalidInputException refused) {
            return Views.refusedWithRetry("⚠️ Nothing was changed. Please fix this and try again:\n" + refused.userMessage(), token);
        }
        CheckResult result = checker.check(settings);
        if (!result.usable()) {
            return Views.refusedWithRetry("❌ Nothing was changed: " + draft.label() + " keeps its current settings. "
                    + result.message(), token);
        }
        if (result.asksToChoose()) {
            return choices.ask(user, token, draft, result);
        }
        return save(user, token, draft, settings, result);
    }

    /**
     * A secret left empty keeps the stored one, but only for the destinations it was entered for: an edit
     * that would send it elsewhere is refused here, before any connection, naming the field to type again.
     */
    private void keepsStoredSecretsWhereTheyWere(FormDraft draft, Map<String, String> typed, IntegrationSettings stored,
            IntegrationSettings edited) {
        List<FieldProblem> problems = SecretReuse.problems(stored, edited, forms.typedSecrets(draft, typed),
                forms.of(draft.type()).sameProviderDestinations(stored));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
