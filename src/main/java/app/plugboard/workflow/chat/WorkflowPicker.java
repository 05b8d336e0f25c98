package app.plugboard.workflow.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.Limits;
import app.plugboard.chat.QuickRead;
import app.plugboard.chat.Suggestion;
import app.plugboard.common.UserFacingException;
import app.plugboard.common.UserId;
import app.plugboard.workflow.WorkflowService;
import app.plugboard.workflow.WorkflowView;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The {@code workflow} option: the caller's own workflows (the name shown, the id sent; a typed name works too). */
@Component
class WorkflowPicker {

    static final String OPTION = "workflow";

    private final WorkflowService workflows;
    private final QuickRead quickRead;

    WorkflowPicker(WorkflowService workflows, QuickRead quickRead) {
        this.workflows = workflows;
        this.quickRead = quickRead;
    }

    List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        String typed = event.typed().trim().toLowerCase(Locale.ROOT);
        return quickRead.within(() -> workflows.list(event.user())).orElse(List.of()).stream()
                .filter(w -> w.name().toLowerCase(Locale.ROOT).contains(typed))
                .limit(Limits.SUGGESTIONS)
                .map(w -> new Suggestion(Limits.fit(w.name() + " · " + w.state().name().toLowerCase(Locale.ROOT),
                        Limits.SUGGESTION_TEXT), w.id().toString()))
                .toList();
    }

    WorkflowView resolve(UserId user, String value) {
        String typed = value.trim();
        return workflows.list(user).stream()
                .filter(w -> w.id().toString().equalsIgnoreCase(typed) || w.name().equalsIgnoreCase(typed))
                .findFirst()
                .orElseThrow(() -> new NoSuchWorkflow(typed));
    }

    static final class NoSuchWorkflow extends UserFacingException {
        NoSuchWorkflow(String typed) {
            super("You have no workflow called \"" + Limits.fit(typed, 60) + "\". Start typing its name and pick it "
                    + "from the list, or see yours with /workflow list.");
        }
    }
}
