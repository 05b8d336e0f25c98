package app.plugboard.faults;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.testsupport.DiscordTest;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fault 5, long version (README, "Reliability"): people use the chat (list, add a calendar, delete it) for a while,
 * once alone and once while a few others keep checking an IMAP server that accepts and never speaks and a feed that
 * drips a byte every 200 ms, with the default deadlines (30 s). It prints the p50 and p99 of what the people wait for
 * their answers in both runs, and their ratio (target: p99 within 1.3x), and how long the hung checks took (target:
 * they end at the deadline). Not part of {@code verify} (the name matches no Surefire pattern); run it with
 * {@code bench/faults.sh}.
 */
@Tag("benchmark")
@DiscordTest(properties = "plugboard.network.allowed-ranges=127.0.0.1/32")
@DisplayName("Benchmark: the chat with and without people checking servers that hang")
class SlowServersBenchmark {

    static final int PEOPLE = Integer.getInteger("faults.people", 20);
    static final int SLOW_PEOPLE = Integer.getInteger("faults.slow-people", 4);
    static final Duration RUN = Duration.ofSeconds(Integer.getInteger("faults.seconds", 30));
    static final int ROUNDS = Integer.getInteger("faults.rounds", 3);
    static final Duration THINK = Duration.ofMillis(300);
    static final Duration DEADLINE = Duration.ofSeconds(30);

    static final HungServer hung = HungServer.start();
    static final LocalServer feeds = LocalServer.http()
            .on("/fast", exchange -> LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics")))
            .on("/drip", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 1_000; i++) {
                        out.write('X');
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

    @Autowired
    FakeDiscord discord;

    @AfterAll
    static void stopServers() {
        hung.close();
        feeds.close();
    }

    @Test
    @DisplayName("p99 of the chat with the hung servers within 1.3x of the run without; the hung checks end at the deadline")
    void withAndWithoutSlowServers() throws Exception {
        run("warmup", false); // the JIT and the pools warm up on a run that does not count
        FaultReport report = new FaultReport("slow-servers", PEOPLE + " people, runs of " + RUN.toSeconds()
                + " s alone and beside " + SLOW_PEOPLE + " people each checking a hung IMAP server and a dripping feed over "
                + "and over (default deadlines and timeouts), alternating, " + ROUNDS + " rounds after a warm-up run");
        List<Person.Seen> slowChecks = Person.journal();
        List<Double> ratios = new ArrayList<>();
        List<Person.Seen> everything = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<Person.Seen> alone = run("alone" + round, false);
            List<Person.Seen> beside = run("beside" + round, true, slowChecks);
            Duration p99Alone = FaultReport.percentile(alone.stream().map(Person.Seen::took).toList(), 99);
            Duration p99Beside = FaultReport.percentile(beside.stream().map(Person.Seen::took).toList(), 99);
            ratios.add((double) p99Beside.toMillis() / Math.max(1, p99Alone.toMillis()));
            report.answers("round " + round + ", alone", alone).answers("round " + round + ", beside", beside);
            everything.addAll(alone);
            everything.addAll(beside);
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        report.line("p99 ratio (beside / alone) per round: %s, median %.2f (target: at most 1.3)",
                ratios.stream().map(ratio -> String.format(java.util.Locale.ROOT, "%.2f", ratio)).toList(), median);
        for (String label : List.of("Hung", "Drip")) {
            List<Duration> took = slowChecks.stream().filter(step -> step.label().equals(label) && !step.answer().startsWith("("))
                    .map(Person.Seen::took).sorted().toList();
            report.line("%s checks: %d, each took %s to %s (IMAP: read timeout 15 s, deadline 30 s; feeds: deadline 30 s)",
                    label.equals("Hung") ? "hung IMAP" : "dripping feed", took.size(),
                    FaultReport.millis(took.isEmpty() ? Duration.ZERO : took.get(0)),
                    FaultReport.millis(took.isEmpty() ? Duration.ZERO : took.get(took.size() - 1)));
        }
        report.line("what their people read: %s", slowChecks.stream().map(step -> step.answer().replace('\n', ' '))
                .map(answer -> answer.length() > 120 ? answer.substring(0, 120) + "…" : answer).distinct().toList());
        report.write();
        assertThat(FaultReport.where(everything, FaultReport::isError)).isEmpty();
        assertThat(slowChecks).isNotEmpty().allSatisfy(step -> assertThat(step.took()).isLessThan(DEADLINE.plusSeconds(5)));
        assertThat(median).as("the chat's p99 beside the hung servers / alone, median of the rounds").isLessThanOrEqualTo(1.3);
    }

    private List<Person.Seen> run(String name, boolean withSlowServers) throws Exception {
        return run(name, withSlowServers, Person.journal());
    }

    private List<Person.Seen> run(String name, boolean withSlowServers, List<Person.Seen> slowJournal) throws Exception {
        List<Person.Seen> journal = Person.journal();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService running = Executors.newFixedThreadPool(PEOPLE + 2 * SLOW_PEOPLE);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 1; i <= PEOPLE; i++) {
            Person person = new Person(discord, discord.user(name + i), journal);
            all.add(running.submit(() -> useIt(person, done)));
        }
        if (withSlowServers) {
            for (int i = 1; i <= SLOW_PEOPLE; i++) {
                Person person = new Person(discord, discord.user(name + "-slow" + i), slowJournal, DEADLINE.plusSeconds(10));
                all.add(running.submit(() -> checkHungMailbox(person, done)));
                all.add(running.submit(() -> checkDrippingFeed(person, done)));
            }
        }
        Thread.sleep(RUN.toMillis());
        done.set(true);
        for (Future<?> one : all) {
            one.get(2, TimeUnit.MINUTES);
        }
        running.shutdown();
        return journal;
    }

    private void useIt(Person person, AtomicBoolean done) {
        String fast = "http://127.0.0.1:" + feeds.port() + "/fast/family.ics";
        int round = 0;
        while (!done.get()) {
            round++;
            person.list();
            if (person.addCalendar("C" + round, fast).startsWith("✅")) {
                person.delete("C" + round);
            }
            Person.sleep(THINK.toMillis());
        }
    }

    private void checkHungMailbox(Person person, AtomicBoolean done) {
        while (!done.get()) {
            person.addMailbox("Hung", "127.0.0.1", hung.port());
        }
    }

    private void checkDrippingFeed(Person person, AtomicBoolean done) {
        String drip = "http://127.0.0.1:" + feeds.port() + "/drip/family.ics";
        while (!done.get()) {
            person.addCalendar("Drip", drip);
        }
    }
}
