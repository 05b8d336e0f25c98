package app.plugboard.workflow.chat;

import app.plugboard.chat.Card;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Limits;
import app.plugboard.chat.Message;
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

/** How workflows look in the chat. */
final class WorkflowViews {

    static final int PAGE_SIZE = 25;

    private WorkflowViews() {
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
        int pages = (all.size() + PAGE_SIZE - 1) / PAGE_SIZE;
        int page = Math.max(0, Math.min(requested, pages - 1));
        List<WorkflowView> shown = all.subList(page * PAGE_SIZE, Math.min(all.size(), (page + 1) * PAGE_SIZE));
        String title = "Your workflows (" + all.size() + ")" + (pages > 1 ? " · page " + (page + 1) + " of " + pages : "");
        int budget = (Limits.CARD_TOTAL - 200 - title.length()) / shown.size();
        List<Card.Field> fields = new ArrayList<>();
        for (WorkflowView workflow : shown) {
            String name = Limits.fit(workflow.name(), Limits.FIELD_NAME);
            String value = state(workflow.state()) + " · uses " + labels(workflow, integrations);
            fields.add(new Card.Field(name, Limits.fit(value, Math.min(Limits.FIELD_VALUE, budget - name.length())), false));
        }
        Message message = Message.card(new Card(title, null, fields, Tone.NEUTRAL, null));
        if (pages > 1) {
            message = message.withRow(ControlRow.of(
                    new Control.Button(pageId(page - 1), "◀ Previous", Control.Style.SECONDARY, page == 0),
                    new Control.Button(pageId(page + 1), "Next ▶", Control.Style.SECONDARY, page == pages - 1)));
        }
        return message;
    }

    static ComponentId pageId(int page) {
        return ComponentId.of(WorkflowCommands.FEATURE, "page", page);
    }

    static String stateWord(WorkflowState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
