package app.plugboard.soak;

import static app.plugboard.discord.fake.FakeDiscord.options;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.soak.Talk.Answer;
import app.plugboard.soak.Talk.Stop;
import app.plugboard.testsupport.mail.TestMailServer;
import app.plugboard.workflow.WorkflowService;
import app.plugboard.workflow.WorkflowState;
import app.plugboard.workflow.WorkflowView;
import com.icegreen.greenmail.user.GreenMailUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * One simulated person in Discord: connects mailboxes (on GreenMail) and calendar feeds (on the
 * {@link FeedServer}), lists them, renames them, gives new passwords and new addresses, checks them,
 * creates and deletes workflows and deletes integrations (confirming, cancelling, moving the workflows),
 * with a pause to read or type between steps, and sometimes a typo that Plugboard refuses and "Try again"
 * mends. Each answer is checked against what the person has to expect from what they did; what they were
 * told goes into their {@link Memory}, which the consistency check holds against the database at the end.
 */
final class Person {

    static final int MOST_INTEGRATIONS = 4;
    static final int MOST_WORKFLOWS = 3;
    private static final String[] MAIL_NAMES = {"Work mail", "Home mail", "Newsletters", "Invoices inbox", "Club mail"};
    private static final String[] CALENDAR_NAMES = {"Family", "Team calendar", "School", "Holidays", "On call"};
    private static final String[] WORKFLOW_NAMES = {"Morning digest", "Invoices", "Weekly review", "Travel", "Reminders"};

    /**
     * The world around the people: the fake Discord, the servers behind their integrations, the figures of the
     * phase the run is in (warm-up, then the run itself), the pace.
     */
    record World(FakeDiscord discord, TestMailServer mail, FeedServer feeds, Supplier<Figures> figures, SoakSettings settings,
            IntegrationService integrations, WorkflowService workflows) {
    }

    private enum Delete { CONFIRM, CANCEL, MOVE }

    private final World world;
    private final FakeUser user;
    private final Random random;
    private final Memory memory;
    private final Map<IntegrationId, GreenMailUser> mailboxes = new HashMap<>();
    private int counter;

    Person(World world, FakeUser user, long seed) {
        this.world = world;
        this.user = user;
        this.random = new Random(seed);
        this.memory = new Memory(new UserId(user.id()), user.name());
    }

    Memory memory() {
        return memory;
    }

    /** The first thing everyone does: connect a mailbox. */
    void warmUp() {
        run("connect mail", () -> connectMail(false));
    }

    /** Every kind of conversation once, in an order where each has something to act on. */
    void tour() {
        run("connect mail, refused first", () -> connectMail(true));
        run("connect calendar", this::connectCalendar);
        run("list, pick, check now", () -> listIntegrations(true));
        run("check", this::check);
        run("rename", this::rename);
        run("new password, typo first", () -> newPassword(true));
        run("new calendar address", this::newAddress);
        run("create workflow", () -> createWorkflow(true));
        run("list workflows", this::listWorkflows);
        run("delete workflow, cancel", () -> deleteWorkflow(false));
        run("delete integration used, cancel", () -> deleteIntegration(Delete.CANCEL, true));
        run("delete integration used, move", () -> deleteIntegration(Delete.MOVE, true));
        run("delete integration used, confirm", () -> deleteIntegration(Delete.CONFIRM, true));
        run("delete workflow, confirm", () -> deleteWorkflow(true));
        run("connect calendar", this::connectCalendar);
        run("delete integration unused, confirm", () -> deleteIntegration(Delete.CONFIRM, false));
    }

    /** One conversation, chosen as people choose: mostly looking and checking, sometimes changing things. */
    void step() {
        int integrations = memory.integrations.size();
        boolean anyMail = memory.integrations.stream().anyMatch(held -> held.mail);
        boolean anyCalendar = memory.integrations.stream().anyMatch(held -> !held.mail);
        List<Choice> choices = new ArrayList<>();
        if (integrations < MOST_INTEGRATIONS) {
            choices.add(new Choice("connect mail", 10, () -> connectMail(random.nextInt(10) == 0)));
            choices.add(new Choice("connect calendar", 7, this::connectCalendar));
        }
        choices.add(new Choice("list", 16, () -> listIntegrations(random.nextInt(10) < 4)));
        choices.add(new Choice("list workflows", 4, this::listWorkflows));
        if (integrations > 0) {
            choices.add(new Choice("check", 9, this::check));
            choices.add(new Choice("rename", 5, this::rename));
            choices.add(new Choice("delete integration", 8, () -> {
                int roll = random.nextInt(100);
                deleteIntegration(roll < 65 ? Delete.CONFIRM : roll < 90 ? Delete.CANCEL : Delete.MOVE, random.nextBoolean());
            }));
            if (memory.workflows.size() < MOST_WORKFLOWS) {
                choices.add(new Choice("create workflow", 7, () -> createWorkflow(random.nextInt(10) < 3)));
            }
        }
        if (anyMail) {
            choices.add(new Choice("new password", 4, () -> newPassword(random.nextInt(10) == 0)));
        }
        if (anyCalendar) {
            choices.add(new Choice("new calendar address", 4, this::newAddress));
        }
        if (!memory.workflows.isEmpty()) {
            choices.add(new Choice("delete workflow", 4, () -> deleteWorkflow(random.nextInt(10) < 8)));
        }
        int total = choices.stream().mapToInt(Choice::weight).sum();
        int roll = random.nextInt(total);
        for (Choice choice : choices) {
            roll -= choice.weight();
            if (roll < 0) {
                run(choice.name(), choice.conversation());
                return;
            }
        }
    }

    private record Choice(String name, int weight, Runnable conversation) {
    }

    /**
     * Runs a conversation. One that ended in an error leaves the person unsure what happened: like a person
     * who looks at their lists again, they take what is stored as what they have (the error is counted).
     */
    private void run(String name, Runnable conversation) {
        world.figures().get().flow(name);
        try {
            conversation.run();
        } catch (Stop stop) {
            lookAgain();
        } catch (RuntimeException | AssertionError broken) {
            // the simulation itself stumbled (a form it could not fill, an interrupt): counted, never hidden
            world.figures().get().error("simulation", "the simulated person failed", broken.toString());
            lookAgain();
        }
    }

    // ------------------------------------------------------------------ conversations

    private void connectMail(boolean typoFirst) {
        String label = label(MAIL_NAMES);
        String address = String.format(Locale.ROOT, "%s-%d@soak.example", user.name(), counter);
        String password = password();
        GreenMailUser mailbox = world.mail().user(address, password);
        try (Talk talk = talk()) {
            if (random.nextInt(5) == 0) {
                suggestTypes(talk);
            }
            Answer form = expectForm(talk, command(talk, "integration", "add",
                    options("type", "imap", "label", label)));
            Map<String, String> typed = new HashMap<>(Map.of("username", address, "password", password,
                    "server", "localhost", "port", String.valueOf(world.mail().imapsPort())));
            Map<String, List<String>> security = Map.of("security", List.of(ImapSecurity.IMPLICIT_TLS.name()));
            if (typoFirst) {
                typing();
                Map<String, String> typo = new HashMap<>(typed);
                typo.put("password", password + "x");
                Answer refused = submit(talk, form, typo, security);
                talk.expect(refused, "❌ " + label + " is not saved", answer ->
                        answer.text().startsWith("❌ " + label + " is not saved: "));
                form = expectForm(talk, click(talk, refused, "Try again"));
            }
            typing();
            Answer connected = talk.expect(submit(talk, form, typed, security), "✅ " + label + " is connected.",
                    answer -> answer.text().startsWith("✅ " + label + " is connected.\nConnected as " + address + ": INBOX "));
            IntegrationId id = IntegrationId.parse(Talk.idFromButton(connected, "int:check"));
            memory.integrations.add(new Memory.Integration(id, true, label, new ImapSettings(address, Secret.of(password),
                    "localhost", world.mail().imapsPort(), ImapSecurity.IMPLICIT_TLS, null, null)));
            mailboxes.put(id, mailbox);
        }
    }

    private void connectCalendar() {
        String label = label(CALENDAR_NAMES);
        String address = world.feeds().newFeed();
        try (Talk talk = talk()) {
            Answer form = expectForm(talk, command(talk, "integration", "add",
                    options("type", "calendar", "label", label)));
            typing();
            Answer connected = talk.expect(submit(talk, form, Map.of("address", address),
                    Map.of("source", List.of("feed"))), "✅ " + label + " is connected.",
                    answer -> answer.text().startsWith("✅ " + label + " is connected.\n" + FeedServer.CALENDAR_NAME + ": "));
            IntegrationId id = IntegrationId.parse(Talk.idFromButton(connected, "int:check"));
            memory.integrations.add(new Memory.Integration(id, false, label,
                    new CalendarFeedSettings(Secret.of(address), null, null)));
        }
    }

    /** The list; sometimes one picked from it and checked from its card, or "All integrations" again. */
    private void listIntegrations(boolean pickOne) {
        try (Talk talk = talk()) {
            Answer list = expectList(talk, command(talk, "integration", "list", Map.of()));
            if (!pickOne || memory.integrations.isEmpty()) {
                return;
            }
            reading();
            Memory.Integration held = any();
            String select = list.message().selectCustomIds().get(0);
            Answer card = talk.send("select int:pick", () -> world.discord().select(user, select,
                    List.of(held.id.toString()), list.message()));
            talk.expect(card, "the card of " + held.label + ", connected",
                    answer -> answer.text().startsWith("🟢 " + held.label + "\n") && answer.text().contains("Used by"));
            reading();
            if (random.nextInt(4) == 0) {
                expectList(talk, click(talk, card, "All integrations"));
                return;
            }
            talk.expect(click(talk, card, "Check now"), "✅ Checked just now",
                    answer -> answer.text().startsWith("✅ Checked just now: ") && answer.text().contains(held.label));
        }
    }

    private void check() {
        Memory.Integration held = any();
        try (Talk talk = talk()) {
            String chosen = choose(talk, "integration", "check", "integration", held.label);
            talk.expect(command(talk, "integration", "check", options("integration", chosen)),
                    "✅ Checked just now", answer -> answer.text().startsWith("✅ Checked just now: ")
                            && answer.text().contains(held.label));
        }
    }

    private void rename() {
        Memory.Integration held = any();
        String newLabel = label(held.mail ? MAIL_NAMES : CALENDAR_NAMES);
        try (Talk talk = talk()) {
            Answer choices = editChoices(talk, held);
            Answer form = expectForm(talk, click(talk, choices, "Rename"));
            typing();
            talk.expect(submit(talk, form, Map.of("label", newLabel), Map.of()), "✏️ Renamed",
                    answer -> answer.text().equals("✏️ Renamed " + held.label + " to " + newLabel + "."));
            held.label = newLabel;
        }
    }

    /** The person changed their mailbox's password at the provider, and gives Plugboard the new one. */
    private void newPassword(boolean typoFirst) {
        Memory.Integration held = any(true);
        GreenMailUser mailbox = mailboxes.get(held.id);
        if (mailbox == null) {
            return; // taken over from the database after an error: the person no longer knows its password
        }
        String password = password();
        mailbox.setPassword(password);
        try (Talk talk = talk()) {
            Answer choices = editChoices(talk, held);
            Answer form = expectForm(talk, click(talk, choices, "Replace credentials"));
            if (typoFirst) {
                typing();
                Answer refused = submit(talk, form, Map.of("password", password + "x"), Map.of());
                talk.expect(refused, "❌ Nothing was changed", answer -> answer.text().startsWith(
                        "❌ Nothing was changed: " + held.label + " keeps its current settings."));
                form = expectForm(talk, click(talk, refused, "Try again"));
            }
            typing();
            talk.expect(submit(talk, form, Map.of("password", password), Map.of()), "✅ Updated",
                    answer -> answer.text().startsWith("✅ Updated " + held.label + ".\nConnected as "));
            ImapSettings before = (ImapSettings) held.settings;
            held.settings = new ImapSettings(before.username(), Secret.of(password), before.server(), before.port(),
                    before.security(), before.smtpServer(), before.smtpPort());
        }
    }

    /** The calendar provider replaced the feed's private address (the old one stops working); the person pastes the new one. */
    private void newAddress() {
        Memory.Integration held = any(false);
        String address = world.feeds().newFeed();
        world.feeds().retire(((CalendarFeedSettings) held.settings).url().reveal());
        try (Talk talk = talk()) {
            Answer choices = editChoices(talk, held);
            Answer form = expectForm(talk, click(talk, choices, "Change URL"));
            typing();
            talk.expect(submit(talk, form, Map.of("address", address), Map.of()), "✅ Updated",
                    answer -> answer.text().startsWith("✅ Updated " + held.label + ".\n" + FeedServer.CALENDAR_NAME + ": "));
            held.settings = new CalendarFeedSettings(Secret.of(address), null, null);
        }
    }

    /** A new workflow on one or two integrations, typed with the help of autocomplete or not. */
    private void createWorkflow(boolean suggestFirst) {
        List<Memory.Integration> chosen = new ArrayList<>(memory.integrations);
        java.util.Collections.shuffle(chosen, random);
        chosen = chosen.subList(0, Math.min(chosen.size(), 1 + random.nextInt(2)));
        String name = label(WORKFLOW_NAMES);
        String labels = chosen.stream().map(held -> held.label).collect(Collectors.joining(", "));
        Set<String> expectedLabels = chosen.stream().map(held -> held.label).collect(Collectors.toSet());
        try (Talk talk = talk()) {
            if (suggestFirst) {
                String first = chosen.get(0).label;
                Answer offered = talk.send("autocomplete /workflow create", () -> world.discord().autocomplete(user,
                        "workflow", "create", options("name", name, "integrations", first.substring(0, 3)), "integrations"));
                talk.expect(offered, "a suggestion of " + first,
                        answer -> answer.first().choiceValues().contains(first));
            }
            typing();
            String prefix = "✅ Created the workflow " + name + ". It uses ";
            talk.expect(command(talk, "workflow", "create", options("name", name, "integrations", labels)),
                    prefix + labels, answer -> answer.text().startsWith(prefix) && answer.text().endsWith(".")
                            && Set.of(answer.text().substring(prefix.length(), answer.text().length() - 1).split(", "))
                                    .equals(expectedLabels));
            memory.workflows.add(new Memory.Workflow(name, chosen.stream().map(held -> held.id)
                    .collect(Collectors.toCollection(LinkedHashSet::new))));
        }
    }

    private void listWorkflows() {
        try (Talk talk = talk()) {
            int count = memory.workflows.size();
            talk.expect(command(talk, "workflow", "list", Map.of()), "Your workflows (" + count + ")",
                    answer -> count == 0 ? answer.text().startsWith("You have no workflows yet")
                            : answer.text().startsWith("Your workflows (" + count + ")"));
        }
    }

    private void deleteWorkflow(boolean confirm) {
        if (memory.workflows.isEmpty()) {
            return;
        }
        Memory.Workflow held = memory.workflows.get(random.nextInt(memory.workflows.size()));
        try (Talk talk = talk()) {
            String chosen = choose(talk, "workflow", "delete", "workflow", held.name);
            Answer question = talk.expect(command(talk, "workflow", "delete", options("workflow", chosen)),
                    "Delete the workflow " + held.name + "?",
                    answer -> answer.text().startsWith("Delete the workflow **" + held.name + "**?"));
            reading();
            if (!confirm) {
                talk.expect(click(talk, question, "Cancel"), "Nothing was deleted.",
                        answer -> answer.text().equals("Nothing was deleted."));
                return;
            }
            talk.expect(click(talk, question, "Delete"), "🗑️ Deleted the workflow " + held.name,
                    answer -> answer.text().equals("🗑️ Deleted the workflow " + held.name + "."));
            memory.deletedWorkflow(held);
        }
    }

    /**
     * Deletes an integration (one used by workflows, when asked and there is one): the question must name how
     * many workflows use it; then confirm, cancel, or move them to another integration of the same type.
     */
    private void deleteIntegration(Delete how, boolean preferUsed) {
        List<Memory.Integration> candidates = memory.integrations.stream()
                .filter(held -> !preferUsed || !memory.using(held.id).isEmpty()).toList();
        if (how == Delete.MOVE) {
            candidates = candidates.stream().filter(held -> !memory.using(held.id).isEmpty() && alternative(held) != null).toList();
        }
        if (candidates.isEmpty()) {
            candidates = memory.integrations;
            how = how == Delete.MOVE ? Delete.CONFIRM : how;
        }
        if (candidates.isEmpty()) {
            return;
        }
        Memory.Integration held = candidates.get(random.nextInt(candidates.size()));
        List<Memory.Workflow> using = memory.using(held.id);
        Set<String> usingNames = using.stream().map(workflow -> workflow.name).collect(Collectors.toSet());
        try (Talk talk = talk()) {
            String chosen = choose(talk, "integration", "delete", "integration", held.label);
            Answer question = talk.expect(command(talk, "integration", "delete",
                    options("integration", chosen)), "Delete " + held.label + "? used by " + using.size(),
                    answer -> answer.text().startsWith("Delete " + held.label + "?")
                            && (using.isEmpty() ? !answer.text().contains("Used by")
                                    : answer.text().contains("Used by " + plural(using.size(), "workflow"))));
            reading();
            switch (how) {
                case CANCEL -> talk.expect(click(talk, question, "Cancel"), "Nothing was deleted.",
                        answer -> answer.text().equals("Nothing was deleted."));
                case CONFIRM -> {
                    String button = using.isEmpty() ? "Delete" : "Delete and pause " + plural(using.size(), "workflow");
                    Answer done = click(talk, question, button);
                    String prefix = "🗑️ Deleted " + held.label + ". Paused " + plural(using.size(), "workflow") + ": ";
                    List<String> paused = named(done.text(), prefix);
                    talk.expect(done, using.isEmpty() ? "🗑️ Deleted " + held.label + "." : prefix + usingNames,
                            answer -> using.isEmpty() ? answer.text().equals("🗑️ Deleted " + held.label + ".")
                                    : answer.text().startsWith(prefix) && Set.copyOf(paused).equals(usingNames));
                    memory.deleted(held, paused);
                    forgetMailbox(held);
                }
                case MOVE -> {
                    Memory.Integration target = alternative(held);
                    String select = question.message().selectCustomIds().get(0);
                    Answer done = talk.send("select int:del-move", () -> world.discord().select(user, select,
                            List.of(target.id.toString()), question.message()));
                    String prefix = "🗑️ Deleted " + held.label + ". Moved " + plural(using.size(), "workflow") + " to "
                            + target.label + ": ";
                    List<String> moved = named(done.text(), prefix);
                    talk.expect(done, prefix + usingNames,
                            answer -> answer.text().startsWith(prefix) && Set.copyOf(moved).equals(usingNames));
                    memory.deletedAndMoved(held, target, moved);
                    forgetMailbox(held);
                }
                default -> throw new IllegalStateException(how.name());
            }
        }
    }

    // ------------------------------------------------------------------ steps within conversations

    private Answer editChoices(Talk talk, Memory.Integration held) {
        String chosen = choose(talk, "integration", "edit", "integration", held.label);
        return talk.expect(command(talk, "integration", "edit", options("integration", chosen)),
                "What would you like to change about " + held.label,
                answer -> answer.text().startsWith("What would you like to change about **" + held.label + "**"));
    }

    /**
     * What the person puts in an option that names one of their things: mostly the suggestion autocomplete offers
     * for the first letters they type (its id), sometimes the name typed out in full.
     */
    private String choose(Talk talk, String command, String subcommand, String option, String name) {
        if (random.nextInt(5) == 0) {
            return name;
        }
        String typed = name.substring(0, Math.min(name.length(), 3 + random.nextInt(3)));
        String kind = "autocomplete /" + command + " " + subcommand;
        Answer offered = talk.send(kind, () -> world.discord().autocomplete(user, command, subcommand,
                options(option, typed), option));
        Callback choices = offered.first();
        List<String> names = choices.choiceNames();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).startsWith(name + " · ")) {
                return choices.choiceValues().get(i);
            }
        }
        if (names.isEmpty()) {
            // the database did not answer within PLUGBOARD_CHAT_QUICK_READ_DEADLINE: no suggestions, as designed;
            // the person types the name out, which the command takes too
            world.figures().get().withoutSuggestions();
            return name;
        }
        talk.expect(offered, "a suggestion of " + name, answer -> false);
        throw new IllegalStateException("unreachable");
    }

    private void suggestTypes(Talk talk) {
        talk.expect(talk.send("autocomplete /integration add", () -> world.discord()
                        .autocomplete(user, "integration", "add", options("type", "ima"), "type")),
                "IMAP offered", answer -> answer.first().choiceValues().contains("imap"));
    }

    private Answer command(Talk talk, String command, String subcommand, Map<String, ?> options) {
        return talk.send("/" + command + " " + subcommand, () -> world.discord().slash(user, command, subcommand, options));
    }

    private Answer click(Talk talk, Answer on, String label) {
        String customId = on.button(label);
        return talk.send("button " + route(customId), () -> world.discord().button(user, customId, on.message()));
    }

    /** Submits a form as the Discord client does: what it showed prefilled, with what the person typed over it. */
    private Answer submit(Talk talk, Answer form, Map<String, String> typed, Map<String, List<String>> chosen) {
        Map<String, String> texts = new HashMap<>();
        Map<String, List<String>> selects = new HashMap<>();
        for (JsonNode label : form.body().path("components")) {
            JsonNode input = label.path("component");
            String customId = input.path("custom_id").asString();
            if (input.path("type").asInt() == 4) {
                texts.put(customId, input.path("value").asString(""));
            } else {
                List<String> defaults = new ArrayList<>();
                input.path("options").forEach(option -> {
                    if (option.path("default").asBoolean(false)) {
                        defaults.add(option.path("value").asString());
                    }
                });
                selects.put(customId, defaults);
            }
        }
        texts.putAll(typed);
        selects.putAll(chosen);
        String customId = form.first().customId();
        Supplier<FakeInteraction> send = () -> world.discord().modalSubmit(user, customId, texts, selects);
        return talk.send("form " + route(customId), send);
    }

    private Answer expectForm(Talk talk, Answer answer) {
        return talk.expect(answer, "a form", Answer::isForm);
    }

    /**
     * The list: as many as the person has, each under its label and connected (🟢), since every server is up
     * and every password the one they last gave.
     */
    private Answer expectList(Talk talk, Answer answer) {
        int count = memory.integrations.size();
        return talk.expect(answer, "Your integrations (" + count + "), all 🟢 " + memory.integrations,
                shown -> count == 0 ? shown.text().startsWith("You have no integrations yet")
                        : shown.text().startsWith("Your integrations (" + count + ")")
                                && memory.integrations.stream().allMatch(held -> shown.text().contains("🟢 " + held.label + "\n")));
    }

    // ------------------------------------------------------------------ the person's own things

    /** After an error: what is stored is what the person has (they looked at their lists again). */
    private void lookAgain() {
        try {
            List<IntegrationView> stored = world.integrations().list(memory.user);
            memory.integrations.clear();
            for (IntegrationView view : stored) {
                IntegrationSettings settings = world.integrations().settings(memory.user, view.id());
                memory.integrations.add(new Memory.Integration(view.id(), settings instanceof ImapSettings, view.label(), settings));
            }
            mailboxes.keySet().retainAll(stored.stream().map(IntegrationView::id).toList());
            memory.workflows.clear();
            for (WorkflowView view : world.workflows().list(memory.user)) {
                Memory.Workflow workflow = new Memory.Workflow(view.name(), view.integrations());
                workflow.paused = view.state() == WorkflowState.PAUSED;
                memory.workflows.add(workflow);
            }
        } catch (RuntimeException e) {
            world.figures().get().error("looking again", "could not read what is stored", e.toString());
        }
    }

    /** The mailbox of a deleted integration is of no more use: GreenMail lets it go (so the harness does not grow). */
    private void forgetMailbox(Memory.Integration deleted) {
        GreenMailUser mailbox = mailboxes.remove(deleted.id);
        if (mailbox != null) {
            world.mail().greenMail().getUserManager().deleteUser(mailbox);
        }
    }

    private Memory.Integration any() {
        return memory.integrations.get(random.nextInt(memory.integrations.size()));
    }

    private Memory.Integration any(boolean mail) {
        List<Memory.Integration> ofKind = memory.integrations.stream().filter(held -> held.mail == mail).toList();
        return ofKind.get(random.nextInt(ofKind.size()));
    }

    private Memory.Integration alternative(Memory.Integration held) {
        return memory.integrations.stream().filter(other -> other != held && other.mail == held.mail).findFirst().orElse(null);
    }

    private String label(String[] names) {
        counter++;
        return names[random.nextInt(names.length)] + " " + counter;
    }

    private String password() {
        return "pw-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    }

    private Talk talk() {
        return new Talk(world.discord(), world.figures().get(), world.settings().answerWait());
    }

    /** Between conversations. */
    void think() {
        world.settings().pause(random, world.settings().think());
    }

    private void typing() {
        world.settings().pause(random, world.settings().typing());
    }

    private void reading() {
        world.settings().pause(random, world.settings().reading());
    }

    /** The names after {@code prefix} up to the closing full stop: "A, B and 3 more." gives A, B. */
    private static List<String> named(String text, String prefix) {
        if (!text.startsWith(prefix)) {
            return List.of();
        }
        String rest = text.substring(prefix.length());
        int end = rest.indexOf(".\n");
        rest = end >= 0 ? rest.substring(0, end) : rest.endsWith(".") ? rest.substring(0, rest.length() - 1) : rest;
        return Arrays.stream(rest.split(", ")).toList();
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String route(String customId) {
        String[] parts = customId.split(":");
        return parts.length >= 2 ? parts[0] + ":" + parts[1] : customId;
    }
}
