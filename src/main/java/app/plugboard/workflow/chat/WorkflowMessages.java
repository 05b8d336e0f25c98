package app.plugboard.workflow.chat;

import app.plugboard.chat.Card;
import app.plugboard.chat.Limits;
import app.plugboard.chat.Message;
import app.plugboard.chat.Page;
import app.plugboard.chat.Tone;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationView;
import app.plugboard.workflow.WorkflowState;
import app.plugboard.workflow.WorkflowView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The messages of the workflow conversation: a page of the list, the labels a workflow uses. */
final class WorkflowMessages {

    private WorkflowMessages() {
    }

    static String state(WorkflowState state) {
        return state == WorkflowState.ACTIVE ? "▶️ active" : "⏸️ paused";
    }

    static String labels(WorkflowView workflow, Map<IntegrationId, IntegrationView> integrations) {
        if (workflow.integrations().isEmpty()) {
            return "no integration";
        }
        return workflow.integrations().stream()
                .map(id -> integrations.containsKey(id) ? integrations.get(id).label() : "?")
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .collect(Collectors.joining(", "));
    }

    static Message page(List<WorkflowView> all, Map<IntegrationId, IntegrationView> integrations, int requested) {
        if (all.isEmpty()) {
            return Message.text("You have no workflows yet. Create one with `/workflow create`: a name, and the "
                    + "integrations it uses.");
        }
        Page<WorkflowView> page = Page.of(all, requested);
        List<WorkflowView> shown = page.items();
        String title = page.title("Your workflows");
        int budget = (Limits.CARD_TOTAL - 200 - title.length()) / shown.size();
        List<Card.Entry> entries = new ArrayList<>();
        for (WorkflowView workflow : shown) {
            String name = Limits.fit(workflow.name(), Limits.ENTRY_NAME);
            String value = state(workflow.state()) + " · uses " + labels(workflow, integrations);
            entries.add(Card.Entry.of(name, Limits.fit(value, Math.min(Limits.ENTRY_VALUE, budget - name.length()))));
        }
        return new Message("", List.of(new Card(title, null, entries, Tone.NEUTRAL, null)),
                page.navigation(ListWorkflowsCommand.ShowPage::new).stream().toList());
    }

    static String stateWord(WorkflowState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
