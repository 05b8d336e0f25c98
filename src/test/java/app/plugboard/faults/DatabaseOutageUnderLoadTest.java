package app.plugboard.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Fault 1: Plugboard runs on an external PostgreSQL (a second embedded server started by the test, given to
 * Plugboard as {@code spring.datasource.url}), people keep adding calendars, creating workflows, listing and
 * deleting through Discord, and PostgreSQL is stopped for a while, then started again. Meanwhile people read "the
 * database is not reachable, nothing was changed"; nobody reads an error or is left without an answer; afterwards
 * the same Plugboard works again, without a restart; and the database holds exactly what people were told (nothing
 * acknowledged is lost, nothing refused was stored). {@code bench/faults.sh} runs it longer: more people, 15 s.
 */
@DisplayName("Fault: PostgreSQL stops during load, then starts again")
class DatabaseOutageUnderLoadTest {

    static final int PEOPLE = Integer.getInteger("faults.people", 6);
    static final Duration BEFORE = Duration.ofSeconds(Integer.getInteger("faults.before", 2));
    static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("faults.outage", 4));
    static final Duration AFTER = Duration.ofSeconds(Integer.getInteger("faults.after", 3));
    static final Duration THINK = Duration.ofMillis(100);
    /** How soon after PostgreSQL is back everyone is answered again: the pool reconnects with a back-off of its own. */
    static final Duration RECOVERED_WITHIN = Duration.ofSeconds(20);

    static final LocalServer feeds = LocalServer.http()
            .on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics")));

    @TempDir
    Path workDir;
    StandalonePlugboard plugboard;

    @AfterEach
    void stop() {
        if (plugboard != null) {
            plugboard.close();
        }
    }

    @AfterAll
    static void stopServer() {
        feeds.close();
    }

    @Test
    @DisplayName("people read 'not reachable, nothing was changed' meanwhile, never an error; it works again without a restart; the database holds what they were told")
    void outageUnderLoad() throws Exception {
        // GIVEN Plugboard on its own PostgreSQL, and people using it
        plugboard = StandalonePlugboard.start(workDir);
        FakeDiscord discord = plugboard.discord();
        String feed = "http://127.0.0.1:" + feeds.port() + "/family.ics";
        List<Person.Seen> journal = Person.journal();
        Map<String, Long> owners = new LinkedHashMap<>();
        List<Person> people = new ArrayList<>();
        for (int i = 1; i <= PEOPLE; i++) {
            Person person = new Person(discord, discord.user("person" + i), journal);
            people.add(person);
            owners.put(person.user().name(), person.user().id());
        }
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService running = Executors.newFixedThreadPool(PEOPLE);
        List<Future<?>> busy = new ArrayList<>();
        long started = System.nanoTime();
        for (Person person : people) {
            busy.add(running.submit(() -> useIt(person, feed, done)));
        }

        // WHEN PostgreSQL stops for a while, then starts again, while they go on
        Thread.sleep(BEFORE.toMillis());
        long outageStarted = System.nanoTime();
        plugboard.stopDatabase();
        Thread.sleep(OUTAGE.toMillis());
        plugboard.startDatabase();
        long outageEnded = System.nanoTime();
        Thread.sleep(AFTER.toMillis());
        done.set(true);
        for (Future<?> person : busy) {
            person.get(Person.PATIENCE.toSeconds() * 3, TimeUnit.SECONDS);
        }
        running.shutdown();

        // THEN the same Plugboard answers everyone again, without a restart
        for (Person person : people) {
            await().atMost(RECOVERED_WITHIN).untilAsserted(() -> assertThat(person.list()).matches(FaultReport::isList));
        }
        long ended = System.nanoTime();
        List<Person.Seen> readBefore = FaultReport.readBetween(journal, started, outageStarted);
        List<Person.Seen> during = FaultReport.readBetween(journal, outageStarted, outageEnded);
        FaultReport report = new FaultReport("database-outage", PEOPLE + " people; PostgreSQL stopped " + OUTAGE.toSeconds()
                + " s after " + BEFORE.toSeconds() + " s, then started again (answers by when they were read)")
                .answers("before", readBefore)
                .answers("while stopped", during)
                .answers("after it was back", FaultReport.readBetween(journal, outageEnded, ended));
        Ledger ledger = Ledger.of(journal);
        List<String> differences = ledger.differences(plugboard.database(), owners);
        long lastUnreachable = journal.stream().filter(step -> step.answer().equals(FaultReport.DATABASE_UNREACHABLE))
                .mapToLong(Person.Seen::endedNanos).max().orElse(outageEnded);
        report.line("the last 'not reachable' answer came %d ms after PostgreSQL was back (the pool reconnects with a back-off)",
                Math.max(0, lastUnreachable - outageEnded) / 1_000_000);
        report.line("lost or invented (answers that differ from the database): %d", differences.size());
        report.journalOf(differences, journal).write();

        // AND meanwhile people read that the database is not reachable and nothing was changed, and no one an error
        assertThat(during).extracting(Person.Seen::answer).contains(FaultReport.DATABASE_UNREACHABLE);
        // AND only then: before PostgreSQL stopped, no one read that it was not reachable
        assertThat(readBefore).extracting(Person.Seen::answer).doesNotContain(FaultReport.DATABASE_UNREACHABLE);
        assertThat(FaultReport.where(journal, FaultReport::isError)).isEmpty();
        // AND what people were told is what the database holds: every "connected", "created" and "deleted" there,
        // nothing of what was refused
        assertThat(ledger.indeterminate()).isEmpty();
        assertThat(ledger.mismatchedAnswers()).isEmpty();
        assertThat(differences).isEmpty();
        // AND Discord's rules held throughout: no late or second acknowledgement
        assertThat(discord.rejections()).isEmpty();
    }

    /** One person's day: add a calendar, a workflow that uses it, look at the list, delete every other calendar. */
    private static void useIt(Person person, String feed, AtomicBoolean done) {
        int round = 0;
        while (!done.get()) {
            round++;
            String calendar = "C" + round;
            if (person.addCalendar(calendar, feed).startsWith("✅")) {
                person.createWorkflow("W" + round, calendar);
                person.list();
                if (round % 2 == 0) {
                    person.delete(calendar);
                }
            } else {
                person.list();
            }
            Person.sleep(THINK.toMillis());
        }
    }
}
