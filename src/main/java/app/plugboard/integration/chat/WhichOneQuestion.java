package app.plugboard.integration.chat;

import app.plugboard.chat.Action;
import app.plugboard.chat.ActionType;
import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ComponentRoute;
import app.plugboard.chat.ComponentRoutes;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Control;
import app.plugboard.chat.Drafts;
import app.plugboard.chat.ExpiredException;
import app.plugboard.chat.Limits;
import app.plugboard.chat.Message;
import app.plugboard.chat.Option;
import app.plugboard.chat.PlainText;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ConnectionChecker;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * "Which one?" after a check that found several (the calendars of a CalDAV account): a select of what the
 * check found, shown before anything is saved. The pick is checked (unless the check already covered it)
 * and saved like a submitted form; "Try again" still reopens the form. The choices wait in memory under a
 * random token, with the settings they stand for (passwords included, as {@code Secret}s that never print),
 * only for their owner, until picked or expired.
 */
@Component
class WhichOneQuestion implements ComponentRoutes {

    /** A pending question: the form it came from, and what may be picked. */
    record Pending(String formToken, FormDraft draft, List<CheckResult.Choice> choices) {
    }

    /** The select of the question kept under {@code question}; the option's value is the index of the choice. */
    record Answer(String question) implements Action {
        static final ActionType<Answer> TYPE = ActionType.of(IntegrationCommands.FEATURE, "choose",
                arguments -> new Answer(arguments.text()));

        @Override
        public ComponentId componentId() {
            return TYPE.id(question);
        }
    }

    private final Drafts drafts;
    private final ConnectionChecker checker;
    private final SubmitForm submit;
    private final SettingsForms forms;

    WhichOneQuestion(Drafts drafts, ConnectionChecker checker, @Lazy SubmitForm submit, SettingsForms forms) {
        this.drafts = drafts;
        this.checker = checker;
        this.submit = submit;
        this.forms = forms;
    }

    @Override
    public List<ComponentRoute> componentRoutes() {
        return List.of(ComponentRoute.onChoice(Answer.TYPE, Integer::valueOf, this::answered));
    }

    /** The question: one choice is taken at once, several are offered in a select. */
    Message ask(UserId user, String formToken, FormDraft draft, CheckResult result) {
        List<CheckResult.Choice> choices = result.choices().subList(0, Math.min(result.choices().size(), Limits.SELECT_OPTIONS));
        if (choices.size() == 1) {
            return pick(user, new Pending(formToken, draft, choices), 0);
        }
        String token = drafts.open(user, new Pending(formToken, draft, choices));
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            CheckResult.Choice choice = choices.get(i);
            String description = choice.description() == null ? null : PlainText.stripped(choice.description());
            options.add(Option.of(String.valueOf(i), Limits.fit(PlainText.stripped(choice.label()), Limits.OPTION_TEXT),
                    description == null ? null : Limits.fit(description, Limits.OPTION_TEXT)));
        }
        String question = result.message() + "\nWhich one should " + draft.label() + " use? Nothing is saved until you pick.";
        return Message.text(Limits.fit(question, Limits.CONTENT))
                .withRow(ControlRow.of(Control.Select.of(new Answer(token), "Choose one…", options)));
    }

    private Response answered(ChatEvent.Choose choice, Answer answer, int index) {
        String token = answer.question();
        Pending pending = drafts.get(token, choice.user(), Pending.class);
        if (index < 0 || index >= pending.choices().size()) {
            throw new ExpiredException();
        }
        String label = PlainText.escaped(Limits.fit(pending.choices().get(index).label(), 80));
        return Response.inPlace("Checking " + label + "…", () -> {
            Message picked = pick(choice.user(), pending, index);
            drafts.close(token);
            return picked;
        });
    }

    private Message pick(UserId user, Pending pending, int index) {
        forms.draft(user, pending.formToken()); // the form must still be open (and this person's)
        CheckResult.Choice choice = pending.choices().get(index);
        CheckResult result = choice.checked() != null ? choice.checked() : checker.check(choice.settings());
        if (!result.usable() || result.asksToChoose()) {
            String lead = pending.draft().intent() == FormDraft.Intent.ADD
                    ? "❌ " + pending.draft().label() + " is not saved: "
                    : "❌ Nothing was changed: " + pending.draft().label() + " keeps its current settings. ";
            return IntegrationMessages.refusedWithRetry(lead + result.message(), pending.formToken());
        }
        return submit.save(user, pending.formToken(), pending.draft(), choice.settings(), result);
    }
}
