package app.plugboard.integration.chat;

import app.plugboard.chat.Card;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Limits;
import app.plugboard.chat.Message;
import app.plugboard.chat.Option;
import app.plugboard.chat.Page;
import app.plugboard.chat.PlainText;
import app.plugboard.chat.Tone;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationDependents.Dependent;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The messages of the integration conversation, the same in Discord and in the terminal: a page of the
 * list, one integration in full, the outcome of a check, a refusal with "Try again".
 */
final class IntegrationMessages {

    static final int WORKFLOWS_SHOWN = 10;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private IntegrationMessages() {
    }

    static String emoji(IntegrationStatus status) {
        return switch (status) {
            case CONNECTED -> "🟢";
            case PENDING -> "⚪";
            case FAILING -> "🟡";
            case NEEDS_REAUTHENTICATION -> "🟠";
            case ERROR -> "🔴";
        };
    }

    static String word(IntegrationStatus status) {
        return switch (status) {
            case CONNECTED -> "connected";
            case PENDING -> "not checked yet";
            case FAILING -> "failing for now";
            case NEEDS_REAUTHENTICATION -> "needs you to sign in again";
            case ERROR -> "error";
        };
    }

    static Tone tone(IntegrationStatus status) {
        return switch (status) {
            case CONNECTED -> Tone.SUCCESS;
            case PENDING -> Tone.NEUTRAL;
            case FAILING, NEEDS_REAUTHENTICATION -> Tone.WARNING;
            case ERROR -> Tone.DANGER;
        };
    }

    static String ago(@Nullable Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        Duration elapsed = Duration.between(then, now);
        if (elapsed.toMinutes() < 1) {
            return "just now";
        }
        if (elapsed.toHours() < 1) {
            return plural(elapsed.toMinutes(), "minute") + " ago";
        }
        if (elapsed.toDays() < 1) {
            return plural(elapsed.toHours(), "hour") + " ago";
        }
        if (elapsed.toDays() < 7) {
            return plural(elapsed.toDays(), "day") + " ago";
        }
        return "on " + DATE.format(then);
    }

    /** How long ago {@code then} was, as a duration: "2 hours", "3 days". */
    static String duration(Instant then, Instant now) {
        Duration elapsed = Duration.between(then, now);
        if (elapsed.toMinutes() < 1) {
            return "less than a minute";
        }
        if (elapsed.toHours() < 1) {
            return plural(elapsed.toMinutes(), "minute");
        }
        if (elapsed.toDays() < 1) {
            return plural(elapsed.toHours(), "hour");
        }
        return plural(elapsed.toDays(), "day");
    }

    /** When the next check comes: "in 12 minutes", "any moment now". */
    static String comingIn(Instant then, Instant now) {
        long minutes = (Duration.between(now, then).toSeconds() + 59) / 60; // 4 min 59 s is "in 5 minutes"
        if (minutes < 1) {
            return "any moment now";
        }
        if (minutes < 60) {
            return "in " + plural(minutes, "minute");
        }
        return "in " + plural(minutes / 60, "hour");
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static String usedBy(long workflows) {
        return workflows == 0 ? "used by no workflow" : "used by " + plural(workflows, "workflow");
    }

    /** @param typeNames the types a person can add, as in "IMAP mail, Gmail or Calendar" */
    static Message empty(String typeNames) {
        return Message.text("You have no integrations yet. Connect one with `/integration add`: "
                + "pick a type (" + typeNames + ") and give it a label.");
    }

    /**
     * One page of the list: a card with an entry each, a select to pick one, and paging buttons; above it, the
     * notices Plugboard could not send (with their buttons).
     */
    static Message listPage(List<IntegrationView> all, Map<?, Long> usage, Map<IntegrationId, Instant> nextChecks,
            List<Message> undelivered, int requestedPage, Instant now, String typeNames) {
        if (all.isEmpty()) {
            return empty(typeNames);
        }
        Page<IntegrationView> page = Page.of(all, requestedPage);
        List<IntegrationView> shown = page.items();
        String title = page.title("Your integrations");
        String footer = "Pick one below to see it, edit it, check it or delete it.";
        int budget = (Limits.CARD_TOTAL - 200 - title.length() - footer.length()) / shown.size();
        List<Card.Entry> entries = new ArrayList<>();
        for (IntegrationView integration : shown) {
            String name = Limits.fit(emoji(integration.status()) + " " + integration.label(), Limits.ENTRY_NAME);
            StringBuilder value = new StringBuilder()
                    .append(integration.type().displayName()).append(" · ").append(word(integration.status()))
                    .append(" · checked ").append(ago(integration.lastCheckedAt(), now))
                    .append(health(integration, nextChecks.get(integration.id()), now))
                    .append(" · ").append(usedBy(usage.getOrDefault(integration.id(), 0L)))
                    .append('\n').append(PlainText.escaped(integration.summary()));
            if (integration.status() != IntegrationStatus.CONNECTED && integration.statusReason() != null) {
                value.append('\n').append(integration.statusReason());
            }
            entries.add(Card.Entry.of(name, Limits.fit(value.toString(), Math.min(Limits.ENTRY_VALUE, budget - name.length()))));
        }
        IntegrationStatus worst = shown.stream().map(IntegrationView::status)
                .max(Comparator.comparingInt(IntegrationMessages::severity)).orElse(IntegrationStatus.CONNECTED);
        Card card = new Card(title, null, entries, tone(worst), footer);
        List<ControlRow> rows = new ArrayList<>();
        rows.add(ControlRow.of(Control.Select.of(new ListCommand.Pick(), "Choose an integration…", shown.stream()
                .map(integration -> Option.of(integration.id().toString(), Limits.fit(integration.label(), Limits.OPTION_TEXT),
                        Limits.fit(integration.type().displayName() + " · " + word(integration.status()), Limits.OPTION_TEXT)))
                .toList())));
        page.navigation(ListCommand.ShowPage::new).ifPresent(rows::add);
        return withUndelivered(new Message("", List.of(card), rows), undelivered);
    }

    /** In a list entry: how long it has been failing and since its last success, the next check, muted. */
    private static String health(IntegrationView integration, @Nullable Instant nextCheck, Instant now) {
        StringBuilder health = new StringBuilder();
        if (integration.failingSince() != null && integration.status() != IntegrationStatus.CONNECTED) {
            health.append(" · failing for ").append(duration(integration.failingSince(), now))
                    .append(" · last success ").append(ago(integration.lastSuccessAt(), now));
        }
        if (nextCheck != null) {
            health.append(" · next check ").append(comingIn(nextCheck, now));
        }
        if (integration.alertsMuted()) {
            health.append(" · 🔕 alerts muted");
        }
        return health.toString();
    }

    /**
     * The list, led by what could not be sent: the first notices with their buttons, as many as the message
     * has rows left for, then how many more.
     */
    private static Message withUndelivered(Message list, List<Message> undelivered) {
        if (undelivered.isEmpty()) {
            return list;
        }
        int shown = Math.min(undelivered.size(), Limits.ROWS - list.rows().size());
        StringBuilder text = new StringBuilder("📭 Plugboard could not send you ")
                .append(undelivered.size() == 1 ? "this direct message" : "these direct messages")
                .append(": Discord refused, so you may accept no direct messages from it (Privacy settings of a server "
                        + "you share with it).");
        List<ControlRow> rows = new ArrayList<>();
        for (Message notice : undelivered.subList(0, shown)) {
            text.append('\n').append(notice.text());
            rows.addAll(notice.rows());
        }
        if (undelivered.size() > shown) {
            text.append("\n… and ").append(undelivered.size() - shown).append(" more.");
        }
        rows.addAll(list.rows());
        return new Message(Limits.fit(text.toString(), Limits.CONTENT), list.cards(), rows);
    }

    private static int severity(IntegrationStatus status) {
        return switch (status) {
            case CONNECTED -> 0;
            case PENDING -> 1;
            case FAILING -> 2;
            case NEEDS_REAUTHENTICATION -> 3;
            case ERROR -> 4;
        };
    }

    /** One integration in full, with what can be done to it. */
    static Message detail(IntegrationView integration, List<Dependent> workflows, @Nullable Instant nextCheck, Instant now,
            @Nullable String note) {
        List<Card.Entry> entries = new ArrayList<>();
        String status = capitalise(word(integration.status()));
        if (integration.status() != IntegrationStatus.CONNECTED && integration.statusReason() != null) {
            status += ": " + integration.statusReason();
        }
        entries.add(Card.Entry.of("Status", Limits.fit(status, Limits.ENTRY_VALUE)));
        entries.add(Card.Entry.inline("Last checked", ago(integration.lastCheckedAt(), now)));
        entries.add(Card.Entry.inline("Last success", ago(integration.lastSuccessAt(), now)));
        if (integration.failingSince() != null && integration.status() != IntegrationStatus.CONNECTED) {
            entries.add(Card.Entry.inline("Failing since", DATE.format(integration.failingSince())
                    + " (" + duration(integration.failingSince(), now) + ")"));
        }
        if (nextCheck != null) {
            entries.add(Card.Entry.inline("Next check", comingIn(nextCheck, now)));
        }
        entries.add(Card.Entry.inline("Alerts", integration.alertsMuted()
                ? "🔕 muted: no direct message when it breaks or recovers"
                : "a direct message when it breaks or recovers"));
        entries.add(Card.Entry.of("Used by", workflowList(workflows)));
        Card card = new Card(
                Limits.fit(emoji(integration.status()) + " " + integration.label(), Limits.CARD_TITLE),
                Limits.fit(integration.type().displayName() + " · " + PlainText.escaped(integration.summary()),
                        Limits.CARD_DESCRIPTION),
                entries, tone(integration.status()), null);
        return new Message(note == null ? "" : note, List.of(card), List.of(ControlRow.of(
                Control.Button.of(new EditCommand.ShowChoices(integration.id()), "Edit", Control.Style.PRIMARY),
                checkNow(integration),
                Control.Button.of(new DeleteCommand.Ask(integration.id()), "Delete", Control.Style.DANGER),
                allIntegrations())));
    }

    /** Names (paused ones say so), the first ten, then "and N more". */
    static String workflowList(List<Dependent> workflows) {
        return workflowList(workflows, false);
    }

    /** Names with every state, paused or active, the first ten, then "and N more". */
    static String workflowListWithStates(List<Dependent> workflows) {
        return workflowList(workflows, true);
    }

    private static String workflowList(List<Dependent> workflows, boolean withState) {
        if (workflows.isEmpty()) {
            return "No workflow";
        }
        String names = workflows.stream().limit(WORKFLOWS_SHOWN)
                .map(w -> w.name() + (w.paused() ? " (paused)" : withState ? " (active)" : ""))
                .collect(Collectors.joining(", "));
        int more = workflows.size() - WORKFLOWS_SHOWN;
        return Limits.fit(names + (more > 0 ? " and " + more + " more" : ""), Limits.ENTRY_VALUE);
    }

    /** The result of adding or re-checking: the status, and real data or what to fix. */
    static Message checked(String headline, IntegrationView integration, CheckResult result) {
        String icon = switch (result.status()) {
            case CONNECTED -> "✅";
            case PENDING -> "💾";
            default -> "⚠️";
        };
        return Message.text(Limits.fit(icon + " " + headline + "\n" + result.message(), Limits.CONTENT))
                .withRow(ControlRow.of(checkNow(integration), allIntegrations()));
    }

    /** An integration of a type this Plugboard no longer knows: nothing to change or check, only to delete. */
    static Message deleteOnly(IntegrationView integration) {
        return Message.text("**" + integration.label() + "** is of a type this Plugboard no longer knows ("
                        + integration.type().id() + "), so it can't be changed or checked. You can delete it.")
                .withRow(ControlRow.of(
                        Control.Button.of(new DeleteCommand.Ask(integration.id()), "Delete", Control.Style.DANGER),
                        allIntegrations()));
    }

    static Control.Button checkNow(IntegrationView integration) {
        return Control.Button.of(new CheckCommand.CheckNow(integration.id()), "Check now", Control.Style.SECONDARY);
    }

    static Control.Button allIntegrations() {
        return Control.Button.of(new ListCommand.ShowPage(0), "All integrations", Control.Style.SECONDARY);
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A refusal of what a form held, with the way back into the form, prefilled except secrets. */
    static Message refusedWithRetry(String text, String draft) {
        return Message.text(Limits.fit(text, Limits.CONTENT))
                .withRow(ControlRow.of(Control.Button.tryAgain(new SettingsForms.Reopen(draft))));
    }
}
