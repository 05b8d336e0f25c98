package app.plugboard.soak;

import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.testsupport.mail.TestMailServer;
import app.plugboard.workflow.WorkflowService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A soak: N simulated {@link Person}s in the fake Discord against the Plugboard of the test's context (its
 * real JDA client, its watch on), with GreenMail and a {@link FeedServer} behind their integrations. First
 * everyone connects a mailbox (the warm-up); then, with the process quiet, the start is measured
 * ({@link Resources}); then everyone goes through every kind of conversation once and on at random, with
 * pauses to think, read and type, for the run's length; then, quiet again, the end is measured and what
 * everyone was told is held against the database ({@link Consistency}).
 */
final class SoakRun {

    /** How often the end is measured again while threads are still above the start's. */
    static final Duration SETTLE_STEP = Duration.ofSeconds(15);

    private final SoakSettings settings;
    private final FakeDiscord discord;
    private final IntegrationService integrations;
    private final WorkflowService workflows;
    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final String watchInterval;

    SoakRun(SoakSettings settings, FakeDiscord discord, IntegrationService integrations, WorkflowService workflows,
            JdbcTemplate jdbc, MeterRegistry meters, String watchInterval) {
        this.settings = settings;
        this.discord = discord;
        this.integrations = integrations;
        this.workflows = workflows;
        this.jdbc = jdbc;
        this.meters = meters;
        this.watchInterval = watchInterval;
    }

    SoakResult run() throws InterruptedException {
        Figures warmUpFigures = new Figures();
        Figures figures = new Figures();
        AtomicReference<Figures> phase = new AtomicReference<>(warmUpFigures);
        AtomicLong restRequests = new AtomicLong();
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "soak-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        try (TestMailServer mail = TestMailServer.start(); FeedServer feeds = FeedServer.start(); LogWatch log = LogWatch.watch()) {
            Person.World world = new Person.World(discord, mail, feeds, phase::get, settings, integrations, workflows);
            List<FakeUser> users = new ArrayList<>();
            List<Person> people = new ArrayList<>();
            for (int i = 0; i < settings.people(); i++) {
                FakeUser user = discord.user(String.format(Locale.ROOT, "soak%04d", i));
                users.add(user);
                people.add(new Person(world, user, settings.seed() * 1_000_003 + i));
            }
            housekeeping.scheduleWithFixedDelay(() -> restRequests.addAndGet(discord.forgetRequests()), 2, 2, TimeUnit.SECONDS);
            housekeeping.scheduleWithFixedDelay(() -> users.forEach(user -> phase.get().directMessages(
                    discord.takeDirectMessages(user).size())), 10, 10, TimeUnit.SECONDS);

            CountDownLatch warmedUp = new CountDownLatch(people.size());
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch finished = new CountDownLatch(people.size());
            AtomicLong endAt = new AtomicLong(Long.MAX_VALUE);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                Person person = people.get(i);
                Random start = new Random(settings.seed() + i);
                Thread thread = new Thread(null, () -> {
                    try {
                        settings.pause(start, new SoakSettings.Range(Duration.ZERO, settings.warmUp()));
                        person.warmUp();
                        warmedUp.countDown();
                        go.await();
                        // each begins after a pause to think, as after every conversation: not all at the same instant
                        person.think();
                        if (settings.tour()) {
                            person.tour();
                        }
                        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < endAt.get()) {
                            person.think();
                            if (System.nanoTime() < endAt.get()) {
                                person.step();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        finished.countDown();
                    }
                }, "soak-person-" + i, 512 * 1024);
                thread.setDaemon(true);
                threads.add(thread);
            }
            long began = System.nanoTime();
            threads.forEach(Thread::start);
            if (!warmedUp.await(settings.warmUp().toSeconds() + 600, TimeUnit.SECONDS)) {
                warmUpFigures.error("warm-up", "not everyone connected a first mailbox", warmedUp.getCount() + " still at it");
            }
            Duration warmUpTook = Duration.ofNanos(System.nanoTime() - began);
            Thread.sleep(settings.quiet().toMillis());
            Resources atStart = Resources.measure(jdbc, meters);
            String loadAtStart = loadAverage();
            Map<String, Long> checksAtStart = backgroundChecks();
            progress("start", Duration.ZERO, warmUpFigures);

            long goAt = System.nanoTime();
            endAt.set(goAt + settings.length().toNanos());
            phase.set(figures);
            go.countDown();
            List<String> loads = new ArrayList<>(List.of(loadAtStart));
            while (!finished.await(settings.progressEvery().toMillis(), TimeUnit.MILLISECONDS)) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - goAt);
                loads.add(loadAverage());
                progress(elapsed.compareTo(settings.length()) < 0 ? "running" : "finishing", elapsed, figures);
                if (elapsed.compareTo(settings.length().plus(settings.answerWait()).plusMinutes(10)) > 0) {
                    figures.error("soak", "people still talking long after the end", finished.getCount() + " of them");
                    threads.forEach(Thread::interrupt);
                    break;
                }
            }
            Duration ran = Duration.ofNanos(System.nanoTime() - goAt);
            housekeeping.shutdown();
            housekeeping.awaitTermination(10, TimeUnit.SECONDS);
            restRequests.addAndGet(discord.forgetRequests());
            users.forEach(user -> figures.directMessages(discord.takeDirectMessages(user).size()));
            Thread.sleep(settings.quiet().toMillis());
            Resources atEnd = Resources.measure(jdbc, meters);
            Duration quietAtEnd = settings.quiet();
            // idle pools let their threads go a minute after their last task (JDA's rate limiter), and the watch's
            // direct messages may have kept them busy during the quiet: give them up to settleAtEnd more to do so
            while (atEnd.threads() > atStart.threads() + SoakResult.THREAD_SLACK && quietAtEnd.compareTo(settings.quiet()
                    .plus(settings.settleAtEnd())) < 0) {
                Thread.sleep(SETTLE_STEP.toMillis());
                quietAtEnd = quietAtEnd.plus(SETTLE_STEP);
                atEnd = Resources.measure(jdbc, meters);
            }
            String loadAtEnd = loadAverage();
            loads.add(loadAtEnd);
            List<String> discrepancies = new Consistency(integrations, workflows, jdbc)
                    .discrepancies(people.stream().map(Person::memory).toList());
            Map<String, Long> checks = backgroundChecks();
            checks.replaceAll((outcome, count) -> count - checksAtStart.getOrDefault(outcome, 0L));
            return new SoakResult(settings, watchInterval, warmUpTook, ran, warmUpFigures, figures, restRequests.get(), feeds.requests(),
                    checks, atStart, atEnd, quietAtEnd, loadAtStart, loadAtEnd, loads, log.errors(), log.warnings(), discrepancies,
                    people.stream().map(Person::memory).toList());
        } finally {
            housekeeping.shutdownNow();
        }
    }

    /** Background checks so far, by outcome. */
    private Map<String, Long> backgroundChecks() {
        Map<String, Long> counts = new TreeMap<>();
        for (Timer timer : meters.find("plugboard.connection.checks").tag("trigger", "background").timers()) {
            counts.merge(timer.getId().getTag("outcome"), timer.count(), Long::sum);
        }
        return counts;
    }

    private void progress(String phase, Duration elapsed, Figures figures) {
        System.out.printf(Locale.ROOT, "[soak] %-9s %3d:%02d  sent %,d  missed %,d  errors %,d  first p99 %,.0f ms  "
                        + "final p99 %,.0f ms  heap %s  threads %d  fds %d  load %s%n",
                phase, elapsed.toMinutes(), elapsed.toSecondsPart(), figures.sentCount(), figures.missedCount(), figures.errorCount(),
                figures.allFirst().percentileMillis(99), figures.allAnswered().percentileMillis(99),
                Resources.megabytes(Resources.heapNow()), Resources.threadCount(), Resources.countFileDescriptors(), loadAverage());
    }

    /** The 1, 5 and 15 minute load averages of the machine, as {@code uptime} shows them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
