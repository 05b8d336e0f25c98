package app.plugboard.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.Control;
import app.plugboard.chat.Form;
import app.plugboard.chat.Option;
import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalDavSettings;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.testsupport.ScriptedProbes;
import app.plugboard.testsupport.Tables;
import app.plugboard.workflow.WorkflowService;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.BeforeTry;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every bad-input property stands on: the real application (one Spring context, on the test JVM's embedded
 * PostgreSQL, shared by all the properties), driven through its {@link ChatRouter}, the one entry the terminal and
 * the Discord edge both use. Two people have things of their own: Alice, who does everything, and Bob, whose
 * things she must never see or touch. Before each try the database is as they set it up (put back row by row when a
 * try changed it). Every event goes through {@link #send}, which checks what holds for any input:
 * <ul>
 * <li>the answer shows no stack trace, exception or class name, no SQL, no "null", and never "something went wrong";</li>
 * <li>nothing was logged at ERROR with a stack trace (the router's "Unexpected failure");</li>
 * <li>the database changed only when the answer says so (connected, saved, updated, renamed, created, deleted,
 * checked), and then never Bob's rows; what it stored (labels, names, logins) is what was typed;</li>
 * <li>Bob's labels, names, servers, logins and ids are never shown to Alice, unless she typed them herself.</li>
 * </ul>
 * jqwik runs the properties, not JUnit Jupiter: Spring's test context is joined by hand ({@link TestContextManager}).
 */
@SpringBootTest
@Import({ScriptedProbes.class, BadInputBeans.class})
abstract class BadInputHarness {

    static final UserId ALICE = new UserId(1001);
    static final UserId BOB = new UserId(2002);
    /** The tables the conversation writes, parents before children. */
    static final List<String> TABLES = List.of("integration", "workflow", "workflow_integration", "oauth_link", "oauth_state");

    /** How an answer says it stored, changed or deleted something. */
    static final Pattern ANNOUNCES_A_CHANGE = Pattern.compile(
            "is connected\\.|Saved |Updated |Renamed |Created the workflow|Deleted |Checked just now|💾|Alerts for \\*\\*.*\\*\\* are (muted|on again)");
    /** What only a failure on our side would show: a stack trace, exception text, a class name, SQL, a bare null. */
    static final List<Pattern> NEVER_SHOWN = Stream.of(
            "Exception", "Caused by", "\\bat [a-z]+\\.[\\w.$]+\\(", "\\bjava\\.", "\\bjavax\\.", "\\bjakarta\\.", "\\borg\\.[a-z]+\\.",
            "\\bapp\\.plugboard", "\\b[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*(Exception|Error|\\$)", "\\bSQL", "ERROR:",
            "duplicate key", "violates", "\\bnull\\b", "Something went wrong", "Reference: [A-Z0-9]{8}")
            .map(Pattern::compile).toList();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Person alice;
    private static Person bob;
    private static Map<String, List<String>> seeded;
    private static final Map<UserId, List<Shown>> shown = new HashMap<>();

    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;
    @Autowired
    WorkflowService workflows;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BadInputBeans.MovableClock clock;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    /** What Alice (or Bob) typed in this try so far: a form's Try again shows it back to her. */
    private final List<String> typedThisTry = new ArrayList<>();

    @BeforeProperty
    void joinSpringTestContext() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        log.start();
        root().addAppender(log);
    }

    @AfterProperty
    void stopWatchingTheLog() {
        root().detachAppender(log);
        log.stop();
    }

    /**
     * The database as Alice and Bob set it up: set up once, then put back row by row (same ids) when a try changed it,
     * and the people's drafts again when a try let them expire.
     */
    @BeforeTry
    void theirThingsAsSetUp() {
        clock.reset();
        synchronized (BadInputHarness.class) {
            if (seeded == null) {
                seed();
            } else if (!snapshot().equals(seeded)) {
                restore(seeded);
            }
        }
        log.list.clear();
        typedThisTry.clear();
    }

    Person alice() {
        return alice;
    }

    Person bob() {
        return bob;
    }

    /**
     * Every button, select and form Plugboard showed the person, walking through the conversation as they would
     * (once after each set-up).
     */
    List<Shown> shownTo(Person person) {
        synchronized (BadInputHarness.class) {
            return shown.computeIfAbsent(person.user(), user -> shownTo(user, person.integrations(), person.workflows()));
        }
    }

    /** Opens the people's forms again before the next try (after a property moved the clock past their lifetime). */
    static void openTheirFormsAgainNextTry() {
        synchronized (BadInputHarness.class) {
            shown.clear();
        }
    }

    /** Sends the event and checks everything that holds for any input (see the class comment). */
    Answer send(ChatEvent event) {
        synchronized (BadInputHarness.class) { // a failure's shrinking may still run beside the next property
            return checked(event);
        }
    }

    private Answer checked(ChatEvent event) {
        Map<String, List<String>> before = snapshot();
        int logged = log.list.size();
        Answer answer = Answer.of(router.handle(event));
        Map<String, List<String>> after = snapshot();
        String context = "\nEvent: " + describe(event) + "\n" + answer;
        typedThisTry.addAll(typed(event));
        List<String> typed = typedThisTry;

        String text = answer.shown();
        for (Pattern never : NEVER_SHOWN) {
            if (typed.stream().noneMatch(value -> never.matcher(value).find())) {
                assertThat(never.matcher(text).find()).as("the answer shows %s%s", never, context).isFalse();
            }
        }
        List<ILoggingEvent> failures = log.list.subList(logged, log.list.size()).stream()
                .filter(line -> line.getLevel().isGreaterOrEqual(Level.ERROR) && line.getThrowableProxy() != null)
                .toList();
        assertThat(failures).as("errors logged with a stack trace%s", context)
                .extracting(line -> line.getFormattedMessage() + " " + line.getThrowableProxy().getClassName()).isEmpty();
        boolean announced = ANNOUNCES_A_CHANGE.matcher(text).find();
        if (!before.equals(after)) {
            assertThat(announced).as("the database changed (%s) but the answer does not say so%s",
                    changedTables(before, after), context).isTrue();
        }
        if (announced && answer.form() == null && answer.suggestions().isEmpty()) {
            assertThat(after).as("the answer says something changed, but nothing did%s", context).isNotEqualTo(before);
        }
        for (String stored : newlyStoredTexts(before, after)) {
            assertThat(typed).as("%s was stored, but that is not what was typed%s", escaped(stored), context)
                    .anyMatch(value -> value.strip().trim().strip().equals(stored)); // ends trimmed of spaces and controls
        }
        Person other = event.user().equals(ALICE) ? bob : event.user().equals(BOB) ? alice : null;
        if (other != null) {
            assertThat(rowsOf(after, other.user())).as("%s's rows%s", other == bob ? "Bob" : "Alice", context)
                    .isEqualTo(rowsOf(before, other.user()));
            for (String secret : other.secrets()) {
                if (typed.stream().noneMatch(value -> value.toLowerCase().contains(secret.toLowerCase()))) {
                    assertThat(text.toLowerCase()).as("another person's %s is shown%s", secret, context)
                            .doesNotContain(secret.toLowerCase());
                }
            }
        }
        return answer;
    }

    /** Sends without checking: for setting things up. */
    Answer quietly(ChatEvent event) {
        typedThisTry.addAll(typed(event));
        return Answer.of(router.handle(event));
    }

    static ChatEvent.Command command(UserId user, String command, String subcommand, Map<String, String> options) {
        return new ChatEvent.Command(user, command, subcommand, options);
    }

    /** A submitted form, as the terminal sends it (saying which inputs were secret). */
    static ChatEvent.FormSubmit submit(UserId user, Form form, Map<String, String> values) {
        return new ChatEvent.FormSubmit(user, form.id().encode(), values, form.secretKeys());
    }

    /** Every table the conversation writes, each row as JSON text, in a stable order (one query). */
    Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        TABLES.forEach(table -> tables.put(table, new ArrayList<>()));
        String rows = TABLES.stream().map(table -> "select '" + table + "' as t, to_jsonb(r)::text as row from " + table + " r")
                .collect(Collectors.joining(" union all "));
        jdbc.query(rows + " order by 1, 2", (ResultSet row) -> {
            tables.get(row.getString(1)).add(row.getString(2));
        });
        return tables;
    }

    /** Puts every row back as it was in {@code snapshot}, with the same ids (children deleted first, inserted last). */
    private void restore(Map<String, List<String>> snapshot) {
        for (int i = TABLES.size() - 1; i >= 0; i--) {
            jdbc.update("delete from " + TABLES.get(i));
        }
        for (String table : TABLES) {
            for (String row : snapshot.get(table)) {
                jdbc.update("insert into " + table + " select * from jsonb_populate_record(null::" + table + ", ?::jsonb)", row);
            }
        }
    }

    /**
     * The labels, workflow names and logins of rows that are new or changed, where they changed: each must be what the
     * person typed (the answer said it is stored; it must be stored as typed, not, say, with "?" for what UTF-8 cannot hold).
     */
    private static List<String> newlyStoredTexts(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> texts = new ArrayList<>();
        for (String table : List.of("integration", "workflow")) {
            Map<String, JsonNode> was = byId(before.get(table));
            byId(after.get(table)).forEach((id, row) -> {
                JsonNode old = was.get(id);
                for (String field : List.of("/label", "/name", "/settings/username")) {
                    JsonNode value = row.at(field);
                    if (value.isString() && (old == null || !old.at(field).equals(value))) {
                        texts.add(value.asString());
                    }
                }
            });
        }
        return texts;
    }

    private static Map<String, JsonNode> byId(List<String> rows) {
        Map<String, JsonNode> byId = new HashMap<>();
        rows.forEach(row -> {
            JsonNode node = JSON.readTree(row);
            byId.put(node.path("id").asString(), node);
        });
        return byId;
    }

    static List<String> rowsOf(Map<String, List<String>> snapshot, UserId owner) {
        String mark = "\"owner_id\": " + owner.value();
        List<String> rows = new ArrayList<>();
        snapshot.forEach((table, tableRows) -> tableRows.stream().filter(row -> row.contains(mark))
                .forEach(row -> rows.add(table + " " + row)));
        return rows;
    }

    private static String changedTables(Map<String, List<String>> before, Map<String, List<String>> after) {
        return before.keySet().stream().filter(table -> !Objects.equals(before.get(table), after.get(table)))
                .collect(Collectors.joining(", "));
    }

    /** What the person sent: option values, form values, component ids, chosen values. */
    static List<String> typed(ChatEvent event) {
        List<String> typed = new ArrayList<>();
        if (event instanceof ChatEvent.Command command) {
            typed.add(command.command());
            typed.add(command.subcommand());
            command.options().forEach((name, value) -> {
                typed.add(name);
                typed.add(value);
            });
        } else if (event instanceof ChatEvent.Autocomplete autocomplete) {
            typed.add(autocomplete.focused());
            autocomplete.options().forEach((name, value) -> {
                typed.add(name);
                typed.add(value);
            });
        } else if (event instanceof ChatEvent.FormSubmit submitted) {
            typed.add(submitted.formId());
            submitted.values().forEach((key, value) -> {
                typed.add(key);
                typed.add(value);
            });
        } else if (event instanceof ChatEvent.Click click) {
            typed.add(click.buttonId());
        } else if (event instanceof ChatEvent.Choose choose) {
            typed.add(choose.selectId());
            typed.addAll(choose.values());
        }
        return typed;
    }

    /** The event for a report, with the values escaped so that control characters show. */
    static String describe(ChatEvent event) {
        return escaped(event instanceof ChatEvent.FormSubmit submitted
                ? "FormSubmit[" + submitted.formId() + ", " + submitted.values() + "]" : event.toString());
    }

    static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || (c >= 0x7F && c < 0xA0) || Character.getType(c) == Character.FORMAT
                || Character.isSurrogate((char) c) ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.length() > 600 ? out.substring(0, 600) + "…(" + text.length() + " characters)" : out.toString();
    }

    private void seed() {
        shown.clear();
        Tables.truncateAll(jdbc);
        alice = setUp(ALICE, List.of(
                        new Thing("Work mail", new ImapSettings("alice@example.com", Secret.of("alice-pw"), "imap.example.com",
                                993, ImapSecurity.IMPLICIT_TLS, "smtp.example.com", 465)),
                        new Thing("Home mail", new ImapSettings("alice@home.example", Secret.of("home-pw"), "imap.home.example",
                                993, ImapSecurity.IMPLICIT_TLS, null, null)),
                        new Thing("Family", new CalendarFeedSettings(Secret.of("https://calendar.example.com/family-4711.ics"),
                                null, null)),
                        new Thing("Team calendar", new CalDavSettings("https://dav.example.com/dav", "alice", Secret.of("dav-pw"),
                                "https://dav.example.com/dav/calendars/personal/", "Personal"))),
                Map.of("Morning digest", List.of("Work mail", "Family")));
        bob = setUp(BOB, List.of(
                        new Thing("Bobs mailbox", new ImapSettings("bob@bob.example", Secret.of("bob-pw"), "imap.bob.example",
                                993, ImapSecurity.IMPLICIT_TLS, null, null)),
                        new Thing("Bobs agenda", new CalendarFeedSettings(Secret.of("https://agenda.bob.example/bob-0815.ics"),
                                "bobcal", Secret.of("bob-feed-pw")))),
                Map.of("Bobs routine", List.of("Bobs mailbox")));
        seeded = snapshot();
    }

    private record Thing(String label, IntegrationSettings settings) {
    }

    private Person setUp(UserId user, List<Thing> things, Map<String, List<String>> flows) {
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        for (Thing thing : things) {
            IntegrationId id = integrations.create(user, thing.label(), thing.settings(), CheckResult.connected("Connected.")).id();
            ids.put(thing.label(), id.toString());
            secrets.add(id.toString());
        }
        Map<String, String> flowIds = new LinkedHashMap<>();
        flows.forEach((name, labels) -> {
            Set<IntegrationId> used = labels.stream().map(label -> IntegrationId.parse(ids.get(label)))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            String id = workflows.create(user, name, used).id().toString();
            flowIds.put(name, id);
            secrets.add(id);
        });
        if (user.equals(BOB)) {
            // Alice's labels are common words that help texts use as examples ("such as Work mail"); Bob's are not
            secrets.addAll(ids.keySet());
            secrets.addAll(flowIds.keySet());
            secrets.addAll(List.of("imap.bob.example", "bob@bob.example", "agenda.bob.example", "bobcal"));
        }
        return new Person(user, ids, flowIds, secrets);
    }

    /**
     * Walks through the conversation as the person would and keeps every button, select and form shown: the list
     * and each integration in full, edit and delete questions, the workflow's delete question, an open IMAP form,
     * its "Try again" after a refusal, and a CalDAV account's "Which one?". Nothing is stored on the way.
     */
    private List<Shown> shownTo(UserId user, Map<String, String> integrationIds, Map<String, String> workflowIds) {
        List<Answer> answers = new ArrayList<>();
        answers.add(quietly(command(user, "integration", "list", Map.of())));
        for (String id : integrationIds.values()) {
            answers.add(quietly(new ChatEvent.Choose(user, "int:pick", List.of(id))));
            answers.add(quietly(command(user, "integration", "edit", Map.of("integration", id))));
            answers.add(quietly(command(user, "integration", "delete", Map.of("integration", id))));
        }
        for (String id : workflowIds.values()) {
            answers.add(quietly(command(user, "workflow", "delete", Map.of("workflow", id))));
        }
        answers.add(quietly(command(user, "workflow", "list", Map.of())));
        Answer imapForm = quietly(command(user, "integration", "add", Map.of("type", "imap", "label", "Draft mail")));
        answers.add(imapForm);
        answers.add(quietly(submit(user, imapForm.form(), Map.of("username", "someone@example.com", "password", "pw",
                "server", "imap.example.com", "port", "not a port", "security", "IMPLICIT_TLS"))));
        Answer calendarForm = quietly(command(user, "integration", "add", Map.of("type", "calendar", "label", "Draft calendar")));
        answers.add(calendarForm);
        answers.add(quietly(submit(user, calendarForm.form(), Map.of("source", "caldav", "address", "https://dav.example.com/dav",
                "username", "someone", "password", "pw"))));

        Map<String, Shown> shown = new LinkedHashMap<>();
        for (Answer answer : answers) {
            answer.messages().forEach(message -> message.rows().forEach(row -> row.controls().forEach(control -> {
                if (control instanceof Control.Button button) {
                    shown.putIfAbsent(button.id().encode(), new Shown(Shown.Kind.BUTTON, button.id().encode(), List.of()));
                } else if (control instanceof Control.Select select) {
                    shown.putIfAbsent(select.id().encode(), new Shown(Shown.Kind.SELECT, select.id().encode(),
                            select.options().stream().map(Option::value).toList()));
                }
            })));
            if (answer.form() != null) {
                Form form = answer.form();
                shown.putIfAbsent(form.id().encode(), new Shown(Shown.Kind.FORM, form.id().encode(),
                        form.inputs().stream().map(Form.Input::key).toList()));
            }
        }
        assertThat(shown.values()).extracting(Shown::route).as("what %s was shown", user)
                .contains("int:pick", "int:edit", "int:rename", "int:form", "int:check", "int:del", "int:del-ok", "int:del-no",
                        "int:submit", "int:retry", "wf:del-ok", "wf:del-no");
        return List.copyOf(shown.values());
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
