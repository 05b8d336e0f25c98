package app.plugboard.faults;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fault 2: the packaged Plugboard, in a process of its own on an external PostgreSQL, is killed with SIGKILL in the
 * middle of a burst of renames and deletes (deletes that pause the workflows using what they delete), then started
 * again. Every operation is all or nothing: the database holds, for each person, exactly what their answers say, and
 * for the operation the kill cut off either all of it or none of it (a deleted integration's workflows paused and
 * unlinked in the same breath, a rename whole). The forms left open before the kill answer "this has expired, run
 * the command again" after the restart, never an error. It needs the jar and two starts of it (about a minute on
 * the busy two-core machine), more than {@code verify} may spend, so it is not part of it (the name matches no
 * Surefire or Failsafe pattern): {@code bench/faults.sh} runs it after {@code package}, through Failsafe
 * ({@code -Dit.test=KilledPlugboardFault}).
 */
@DisplayName("Fault: Plugboard killed with SIGKILL during a burst of edits and deletes")
class KilledPlugboardFault {

    static final int PEOPLE = Integer.getInteger("faults.people", 4);
    static final Duration BURST_BEFORE_KILL = Duration.ofMillis(Integer.getInteger("faults.burst-millis", 1_500));
    static final Duration PATIENCE = Duration.ofSeconds(8);
    static final String EXPIRED = "This has expired. Run the command again.";

    static final LocalServer feeds = LocalServer.http()
            .on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics")));

    @TempDir
    Path workDir;
    EmbeddedPostgres postgres;
    FakeDiscord discord;
    ChildPlugboard plugboard;

    @AfterEach
    void stop() throws Exception {
        if (plugboard != null) {
            plugboard.close();
        }
        if (discord != null) {
            discord.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterAll
    static void stopServer() {
        feeds.close();
    }

    @Test
    @DisplayName("every operation is all or nothing, what people were told is what is stored, and open forms answer 'expired' after the restart")
    void killedDuringABurst() throws Exception {
        // GIVEN the packaged Plugboard on its own PostgreSQL, and people with calendars and workflows that use them
        postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createDirectories(workDir.resolve("postgres")))
                .setCleanDataDirectory(true).start();
        String databaseUrl = postgres.getJdbcUrl("postgres", "postgres");
        discord = FakeDiscord.start();
        Path dataDir = Files.createDirectories(workDir.resolve("data"));
        Path log = workDir.resolve("plugboard.log");
        long startedAt = System.nanoTime();
        plugboard = ChildPlugboard.start(discord, databaseUrl, dataDir, log);
        Duration firstStart = Duration.ofNanos(System.nanoTime() - startedAt);
        String feed = "http://127.0.0.1:" + feeds.port() + "/family.ics";
        List<Person.Seen> journal = Person.journal();
        Map<String, Long> owners = new LinkedHashMap<>();
        List<Person> people = new ArrayList<>();
        for (int i = 1; i <= PEOPLE; i++) {
            Person person = new Person(discord, discord.user("person" + i), journal, PATIENCE);
            people.add(person);
            owners.put(person.user().name(), person.user().id());
        }
        inParallel(people, person -> {
            for (int c = 1; c <= 4; c++) {
                assertThat(person.addCalendar("C" + c, feed)).startsWith("✅");
            }
            assertThat(person.createWorkflow("W1", "C1")).startsWith("✅");
            assertThat(person.createWorkflow("W2", "C2")).startsWith("✅");
        });
        // AND each has a form open, to add another calendar
        Map<Person, String> openForms = new LinkedHashMap<>();
        for (Person person : people) {
            Optional<String> form = person.openCalendarForm("Later");
            assertThat(form).as("the form opens").isPresent();
            openForms.put(person, form.get());
        }

        // WHEN they rename and delete, all at once, and Plugboard is killed with SIGKILL in the middle of it
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService running = Executors.newFixedThreadPool(PEOPLE);
        List<Future<?>> bursts = new ArrayList<>();
        for (Person person : people) {
            bursts.add(running.submit(() -> burst(person, killed)));
        }
        Thread.sleep(BURST_BEFORE_KILL.toMillis());
        long killedAt = System.nanoTime();
        plugboard.kill();
        killed.set(true);
        for (Future<?> burst : bursts) {
            burst.get(PATIENCE.toSeconds() * 10, TimeUnit.SECONDS);
        }
        running.shutdown();
        int exit = plugboard.exitValue();
        List<Person.Seen> cutOff = FaultReport.where(journal, step -> step.endedNanos() > killedAt);

        // THEN, before any restart, the database holds for each person what they were told, and of what the kill
        // cut off, all or nothing
        JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());
        Ledger ledger = Ledger.of(journal);
        List<String> afterKill = ledger.differences(database, owners);

        // WHEN it is started again on the same database
        long restartedAt = System.nanoTime();
        plugboard = ChildPlugboard.start(discord, databaseUrl, dataDir, log);
        Duration restart = Duration.ofNanos(System.nanoTime() - restartedAt);

        // THEN the forms left open before the kill answer "expired", never an error, and store nothing
        List<String> formAnswers = new ArrayList<>();
        openForms.forEach((person, form) -> formAnswers.add(person.submitCalendarForm("Later", form, feed)));
        // AND everyone is answered again, and the database still holds what they were told
        List<String> lists = people.stream().map(Person::list).toList();
        List<String> afterRestart = Ledger.of(journal).differences(database, owners);

        new FaultReport("sigkill", PEOPLE + " people renaming and deleting; the packaged Plugboard killed (SIGKILL) "
                + BURST_BEFORE_KILL.toMillis() + " ms into the burst, then started again")
                .line("process exit status: %d; first start %d s, restart %d s", exit, firstStart.toSeconds(), restart.toSeconds())
                .answers("burst until the kill", FaultReport.between(journal, killedAt - BURST_BEFORE_KILL.toNanos(), killedAt))
                .answers("cut off by the kill", cutOff)
                .line("operations cut off (no answer; all or nothing checked): %d", ledger.indeterminate().size())
                .line("forms left open, submitted after the restart: %s", formAnswers.stream().map(FaultReport::kind).toList())
                .line("lost or half done (database differs from the answers): %d after the kill, %d after the restart",
                        afterKill.size(), afterRestart.size())
                .journalOf(afterKill, journal)
                .write();
        assertThat(exit).as("killed by SIGKILL").isEqualTo(137);
        assertThat(afterKill).isEmpty();
        assertThat(ledger.mismatchedAnswers()).isEmpty();
        assertThat(formAnswers).allSatisfy(answer -> assertThat(answer).isEqualTo(EXPIRED));
        assertThat(database.queryForObject("select count(*) from integration where label = 'Later'", Integer.class)).isZero();
        assertThat(lists).allSatisfy(answer -> assertThat(FaultReport.isList(answer)).as(answer).isTrue());
        assertThat(afterRestart).isEmpty();
        // AND no one read an error: what ended before the kill was answered, what the kill cut off got no answer (or
        // stayed on "Checking…"), never "Something went wrong"
        assertThat(FaultReport.where(journal, step -> step.endedNanos() < killedAt && FaultReport.isError(step))).isEmpty();
        assertThat(FaultReport.where(journal, step -> FaultReport.kind(step.answer()).equals("ERROR"))).isEmpty();
        assertThat(discord.rejections()).isEmpty();
    }

    /** Renames and deletes until the kill: deletes that pause a workflow, renames back and forth. */
    private static void burst(Person person, AtomicBoolean killed) {
        List<Runnable> steps = List.of(
                () -> person.rename("C2", "R2"),
                () -> person.delete("C1"),
                () -> person.rename("R2", "C2"),
                () -> person.delete("C3"),
                () -> person.rename("C2", "R2"),
                () -> person.rename("C4", "R4"),
                () -> person.delete("R2"),
                () -> person.delete("R4"));
        for (Runnable step : steps) {
            if (killed.get()) {
                return;
            }
            step.run();
        }
    }

    private static void inParallel(List<Person> people, java.util.function.Consumer<Person> what) throws Exception {
        ExecutorService running = Executors.newFixedThreadPool(people.size());
        try {
            List<Future<?>> all = new ArrayList<>();
            for (Person person : people) {
                all.add(running.submit(() -> what.accept(person)));
            }
            for (Future<?> one : all) {
                one.get(5, TimeUnit.MINUTES);
            }
        } finally {
            running.shutdown();
        }
    }
}
