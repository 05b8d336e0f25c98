package app.plugboard.faults;

import static app.plugboard.discord.fake.FakeDiscord.options;

import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeMessage;
import app.plugboard.discord.fake.FakeUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One simulated person in Discord, doing what people do with Plugboard (add a calendar, create a workflow that
 * uses it, list, rename, delete) through the fake Discord and the real JDA client, and remembering what they were
 * shown in the end: the answer they read, not the "Checking…" or "thinking…" before it. A fault test compares
 * what people read with what the database holds.
 */
final class Person {

    /** How long a person waits for the answer they will read (a check against a database that is down takes a while). */
    static final Duration PATIENCE = Duration.ofSeconds(40);
    /** What Discord shows when a bot does not acknowledge in time. */
    static final String NO_ANSWER = "(no answer: Discord shows \"The application did not respond\")";
    /** Autocomplete offered nothing to pick (it has a second to read the database, then offers what it has). */
    static final String NOTHING_OFFERED = "autocomplete offered nothing for ";

    /** One thing the person did and what they read at the end of it; {@code label} names what it was about. */
    record Seen(String person, String what, String label, String answer, long startedNanos, long endedNanos) {
        Duration took() {
            return Duration.ofNanos(endedNanos - startedNanos);
        }
    }

    private final FakeDiscord discord;
    private final FakeUser user;
    private final List<Seen> seen;
    private final Duration patience;

    Person(FakeDiscord discord, FakeUser user, List<Seen> seen) {
        this(discord, user, seen, PATIENCE);
    }

    /** @param patience how long the person waits for the answer they will read */
    Person(FakeDiscord discord, FakeUser user, List<Seen> seen, Duration patience) {
        this.discord = discord;
        this.user = user;
        this.seen = seen;
        this.patience = patience;
    }

    static List<Seen> journal() {
        return new CopyOnWriteArrayList<>();
    }

    FakeUser user() {
        return user;
    }

    /** {@code /integration add type:calendar}, the form filled with the feed's address. */
    String addCalendar(String label, String feedAddress) {
        return record("add", label, () -> {
            FakeInteraction command = discord.slash(user, "integration", "add", options("type", "calendar", "label", label));
            Optional<Callback> form = firstCallback(command);
            if (form.isEmpty()) {
                return NO_ANSWER;
            }
            if (form.get().type() != Callback.MODAL) {
                return answerOf(command);
            }
            return answerOf(discord.modalSubmit(user, form.get().customId(), Map.of("address", feedAddress),
                    Map.of("source", List.of("feed"))));
        });
    }

    /** {@code /integration add type:imap}, the form filled with a login on {@code server:port} (implicit TLS). */
    String addMailbox(String label, String server, int port) {
        return record("add", label, () -> {
            FakeInteraction command = discord.slash(user, "integration", "add", options("type", "imap", "label", label));
            Optional<Callback> form = firstCallback(command);
            if (form.isEmpty()) {
                return NO_ANSWER;
            }
            if (form.get().type() != Callback.MODAL) {
                return answerOf(command);
            }
            return answerOf(discord.modalSubmit(user, form.get().customId(), Map.of("username", user.name() + "@example.com",
                    "password", "pw", "server", server, "port", String.valueOf(port)), Map.of("security", List.of("IMPLICIT_TLS"))));
        });
    }

    /** Opens the form to add a calendar and leaves it open: its id, or empty when no form came. */
    Optional<String> openCalendarForm(String label) {
        FakeInteraction command = discord.slash(user, "integration", "add", options("type", "calendar", "label", label));
        return firstCallback(command).filter(callback -> callback.type() == Callback.MODAL).map(Callback::customId);
    }

    /** Submits a form opened earlier. */
    String submitCalendarForm(String label, String form, String feedAddress) {
        return record("submit an open form", label, () -> answerOf(discord.modalSubmit(user, form,
                Map.of("address", feedAddress), Map.of("source", List.of("feed")))));
    }

    /** {@code /workflow create name:<name> integrations:<label>}. */
    String createWorkflow(String name, String label) {
        return record("create workflow", name + " uses " + label, () -> answerOf(discord.slash(user, "workflow", "create",
                options("name", name, "integrations", label))));
    }

    /** {@code /integration list}. */
    String list() {
        return record("list", "", () -> answerOf(discord.slash(user, "integration", "list", Map.of())));
    }

    /** {@code /integration delete} of the integration that autocomplete offers for the label, then the Delete button. */
    String delete(String label) {
        return record("delete", label, () -> {
            Picked id = pick("delete", label);
            if (id.id() == null) {
                return id.instead();
            }
            FakeInteraction command = discord.slash(user, "integration", "delete", options("integration", id.id()));
            String prompt = answerOf(command);
            if (!prompt.startsWith("Delete " + label + "?")) {
                return prompt;
            }
            FakeMessage question = command.message();
            JsonButton confirm = JsonButton.startingWith(question, "Delete");
            return answerOf(discord.button(user, confirm.customId(), question), question.text());
        });
    }

    /** {@code /integration edit}, Rename, the form filled with the new label. */
    String rename(String label, String newLabel) {
        return record("rename", label + " -> " + newLabel, () -> {
            Picked id = pick("edit", label);
            if (id.id() == null) {
                return id.instead();
            }
            FakeInteraction command = discord.slash(user, "integration", "edit", options("integration", id.id()));
            String choices = answerOf(command);
            if (!choices.startsWith("What would you like to change")) {
                return choices;
            }
            FakeMessage message = command.message();
            FakeInteraction rename = discord.button(user, JsonButton.startingWith(message, "Rename").customId(), message);
            Optional<Callback> form = firstCallback(rename);
            if (form.isEmpty()) {
                return NO_ANSWER;
            }
            if (form.get().type() != Callback.MODAL) {
                return answerOf(rename, message.text());
            }
            return answerOf(discord.modalSubmit(user, form.get().customId(), Map.of("label", newLabel), Map.of()));
        });
    }

    /**
     * The integration autocomplete offers first for what the person typed, as Discord sends its value; or, when there
     * is none, what the person saw instead (the answer of the whole step).
     */
    private Picked pick(String subcommand, String label) {
        FakeInteraction typing = discord.autocomplete(user, "integration", subcommand, options("integration", label),
                "integration");
        Optional<Callback> offered = firstCallback(typing);
        if (offered.isEmpty()) {
            return new Picked(null, NO_ANSWER);
        }
        List<String> names = offered.get().choiceNames();
        return names.isEmpty() || !names.get(0).startsWith(label + " ·") ? new Picked(null, NOTHING_OFFERED + label)
                : new Picked(offered.get().choiceValues().get(0), null);
    }

    /** An integration's id as autocomplete offered it, or why there is none. */
    private record Picked(String id, String instead) {
    }

    private String record(String what, String label, java.util.function.Supplier<String> action) {
        long started = System.nanoTime();
        String answer;
        try {
            answer = action.get();
        } catch (RuntimeException | AssertionError e) {
            answer = "(the test could not go on: " + e.getMessage() + ")";
        }
        seen.add(new Seen(user.name(), what, label, answer, started, System.nanoTime()));
        return answer;
    }

    /** The first callback within Discord's three seconds and a margin, or empty. */
    private static Optional<Callback> firstCallback(FakeInteraction interaction) {
        try {
            return Optional.of(interaction.awaitCallback(FakeDiscord.ACKNOWLEDGE_DEADLINE.plusSeconds(2)));
        } catch (AssertionError none) {
            return Optional.empty();
        }
    }

    /**
     * What the person ends up reading: the reply, or what "thinking…" or a progress text ("Checking…") became once
     * the result was edited in, waiting as long as the person's patience.
     */
    String answerOf(FakeInteraction interaction) {
        return answerOf(interaction, null);
    }

    /** As {@link #answerOf(FakeInteraction)}, for an answer that replaces {@code shownBefore}: once it has. */
    String answerOf(FakeInteraction interaction, String shownBefore) {
        Optional<Callback> first = firstCallback(interaction);
        if (first.isEmpty()) {
            return NO_ANSWER;
        }
        if (!first.get().accepted()) {
            return "(Discord refused the answer: " + first.get().errorCode() + ")";
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            FakeMessage message = interaction.message();
            boolean loading = (message.flags() & 128) != 0;
            if (!loading && !message.text().startsWith("Checking") && !message.text().equals(shownBefore)) {
                return message.text();
            }
            sleep(20);
        }
        return "(still on \"" + interaction.message().text() + "\" after " + patience.toSeconds() + " s)";
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A button of a message, by the start of its label. */
    private record JsonButton(String customId) {
        static JsonButton startingWith(FakeMessage message, String label) {
            return message.buttons().stream().filter(button -> button.path("label").asString("").startsWith(label))
                    .findFirst().map(button -> new JsonButton(button.path("custom_id").asString()))
                    .orElseThrow(() -> new IllegalStateException("no button " + label + " on " + message.text()));
        }
    }
}
