package app.plugboard.integration.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ComponentRoute;
import app.plugboard.chat.ComponentRoutes;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.common.BrokenCharacters;
import app.plugboard.common.InputProblem;
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
 * Whatever is refused offers "Try again", prefilled with what was typed except secrets (so does the router
 * when the person has too many checks running). When the check finds several things the settings could
 * mean (the calendars of a CalDAV account), {@link WhichOneQuestion} asks which before anything is saved.
 */
@Component
class SubmitForm implements ComponentRoutes {

    private final SettingsForms forms;
    private final IntegrationService integrations;
    private final ConnectionChecker checker;
    private final WhichOneQuestion whichOne;

    SubmitForm(SettingsForms forms, IntegrationService integrations, ConnectionChecker checker, WhichOneQuestion whichOne) {
        this.forms = forms;
        this.integrations = integrations;
        this.checker = checker;
        this.whichOne = whichOne;
    }

    @Override
    public List<ComponentRoute> componentRoutes() {
        return List.of(ComponentRoute.onSubmit(SettingsForms.Submit.TYPE, submit -> new SettingsForms.Reopen(submit.draft()),
                this::submitted));
    }

    /** What was typed is kept (except secrets) before anything else, so every refusal can offer it again. */
    private Response submitted(ChatEvent.FormSubmit submit, SettingsForms.Submit form) {
        String token = form.draft();
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
            return IntegrationMessages.refusedWithRetry("⚠️ " + refused.userMessage(), token);
        }
    }

    private Response add(UserId user, String token, FormDraft draft, Map<String, String> typed) {
        IntegrationSettings settings;
        try {
            refuseBrokenCharacters(draft, typed);
            settings = forms.of(draft.type()).parse(FormPurpose.ADD, typed, null);
            settings.validate();
        } catch (InvalidInputException refused) {
            return new Response.Reply(IntegrationMessages.refusedWithRetry("⚠️ Please fix this and try again:\n" + refused.userMessage(), token));
        }
        return Response.later("Checking the connection…", () -> {
            CheckResult result = checker.check(settings);
            if (!result.usable()) {
                return IntegrationMessages.refusedWithRetry("❌ " + draft.label() + " is not saved: " + result.message(), token);
            }
            if (result.asksToChoose()) {
                return whichOne.ask(user, token, draft, result);
            }
            return save(user, token, draft, settings, result);
        });
    }

    /** Stores checked settings: a new integration, or new settings replacing the old. */
    Message save(UserId user, String token, FormDraft draft, IntegrationSettings settings, CheckResult result) {
        if (draft.intent() == FormDraft.Intent.ADD) {
            IntegrationView created = integrations.create(user, draft.label(), settings, result);
            forms.close(token);
            return IntegrationMessages.checked(created.status() == app.plugboard.integration.IntegrationStatus.CONNECTED
                    ? created.label() + " is connected." : "Saved " + created.label() + ".", created, result);
        }
        IntegrationView updated = integrations.replaceSettings(user, draft.integration(), draft.version(), settings, result);
        forms.close(token);
        return IntegrationMessages.checked("Updated " + updated.label() + ".", updated, result);
    }

    private Message replace(UserId user, String token, FormDraft draft, Map<String, String> typed) {
        IntegrationSettings current = integrations.settings(user, draft.integration());
        IntegrationSettings settings;
        try {
            refuseBrokenCharacters(draft, typed);
            settings = forms.of(draft.type()).parse(draft.intent().purpose(), typed, current);
            settings.validate();
            keepsStoredSecretsWhereTheyWere(draft, typed, current, settings);
        } catch (InvalidInputException refused) {
            return IntegrationMessages.refusedWithRetry("⚠️ Nothing was changed. Please fix this and try again:\n" + refused.userMessage(), token);
        }
        CheckResult result = checker.check(settings);
        if (!result.usable()) {
            return IntegrationMessages.refusedWithRetry("❌ Nothing was changed: " + draft.label() + " keeps its current settings. "
                    + result.message(), token);
        }
        if (result.asksToChoose()) {
            return whichOne.ask(user, token, draft, result);
        }
        return save(user, token, draft, settings, result);
    }

    /** Half a character would be stored as "?": what was checked would not be what is stored. */
    private void refuseBrokenCharacters(FormDraft draft, Map<String, String> typed) {
        List<InputProblem> problems = forms.inputs(draft).stream()
                .filter(input -> BrokenCharacters.present(typed.getOrDefault(input.key(), "")))
                .map(input -> new InputProblem(input.key(), input.label() + BrokenCharacters.REFUSAL))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * A secret left empty keeps the stored one, but only for the destinations it was entered for: an edit
     * that would send it elsewhere is refused here, before any connection, naming the field to type again.
     */
    private void keepsStoredSecretsWhereTheyWere(FormDraft draft, Map<String, String> typed, IntegrationSettings stored,
            IntegrationSettings edited) {
        List<InputProblem> problems = SecretReuse.problems(stored, edited, forms.typedSecrets(draft, typed),
                forms.of(draft.type()).sameProviderDestinations(stored));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
