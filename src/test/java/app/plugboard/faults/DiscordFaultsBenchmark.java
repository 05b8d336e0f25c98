package app.plugboard.faults;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.RecordedRequest;
import app.plugboard.discord.fake.Rejection;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.testsupport.DiscordTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Faults 3 and 4, long version (README, "Reliability"): people use the chat (list, add a calendar, delete it) for a
 * while, and all along Discord misbehaves: its gateway drops the connection every few seconds (close codes 1006 and
 * 4000 in turn, half a second down each time, commands sent meanwhile replayed on the resume), the edits that carry
 * results are limited to two per 3 s per answer, and now and then answered 500 or 429 (with {@code Retry-After}).
 * It prints what people read, how long they waited, how often Discord stumbled, and what the fake refused: a second
 * or late acknowledgement, or a request that did not wait for its limit (target: none), and answers shown twice
 * (target: none). Not part of {@code verify}; run it with {@code bench/faults.sh}.
 */
@Tag("benchmark")
@DiscordTest(properties = "plugboard.network.allowed-ranges=127.0.0.1/32")
@DisplayName("Benchmark: the chat while Discord drops the gateway and answers edits with 500 and 429")
class DiscordFaultsBenchmark {

    static final int PEOPLE = Integer.getInteger("faults.people", 20);
    static final Duration RUN = Duration.ofSeconds(Integer.getInteger("faults.seconds", 45));
    static final Duration DROP_EVERY = Duration.ofSeconds(5);
    static final Duration GAP = Duration.ofMillis(500);
    static final Duration THINK = Duration.ofMillis(300);
    static final String RESULT_EDIT = "webhooks/{app}/{token}/messages/@original";

    static final LocalServer feeds = LocalServer.http()
            .on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics")));

    @Autowired
    FakeDiscord discord;

    @AfterAll
    static void stopServer() {
        feeds.close();
    }

    @Test
    @DisplayName("everything answered once, nothing acknowledged twice or late, no rate exceeded")
    void discordMisbehaves() throws Exception {
        int requestsBefore = discord.requests().size();
        int rejectionsBefore = discord.rejections().size();
        int resumesBefore = discord.resumeCount();
        List<Person.Seen> journal = Person.journal();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService running = Executors.newFixedThreadPool(PEOPLE);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 1; i <= PEOPLE; i++) {
            Person person = new Person(discord, discord.user("person" + i), journal);
            all.add(running.submit(() -> useIt(person, done)));
        }

        // Discord misbehaves all along
        discord.limitRate("PATCH", RESULT_EDIT, 2, Duration.ofSeconds(3));
        int drops = 0;
        long end = System.nanoTime() + RUN.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(DROP_EVERY.toMillis());
            discord.failNext(2, drops % 2 == 0 ? 500 : 429, "PATCH", RESULT_EDIT);
            discord.dropGateway(drops % 2 == 0 ? 1006 : 4000, () -> Person.sleep(GAP.toMillis()));
            drops++;
        }
        done.set(true);
        for (Future<?> one : all) {
            one.get(2, TimeUnit.MINUTES);
        }
        running.shutdown();
        List<String> unmet = discord.endPlannedFailures();

        List<RecordedRequest> requests = discord.requests().subList(requestsBefore, discord.requests().size());
        Map<Integer, Long> editStatuses = requests.stream().filter(request -> request.method().equals("PATCH")
                && request.path().endsWith("/messages/@original")).collect(Collectors.groupingBy(RecordedRequest::status,
                        Collectors.counting()));
        List<Rejection> rejections = discord.rejections().subList(rejectionsBefore, discord.rejections().size());
        long twice = requests.stream().filter(request -> request.method().equals("PATCH") && request.status() == 200
                        && request.path().endsWith("/messages/@original") && !request.body().path("content").asString("")
                        .startsWith("Checking"))
                .collect(Collectors.groupingBy(RecordedRequest::path, Collectors.counting()))
                .values().stream().filter(count -> count > 1).count();
        new FaultReport("discord", PEOPLE + " people for " + RUN.toSeconds() + " s; the gateway dropped every "
                + DROP_EVERY.toSeconds() + " s (1006, 4000 in turn, " + GAP.toMillis() + " ms down), result edits limited to 2 per 3 s "
                + "and answered 500 or 429 twice after each drop")
                .answers("people", journal)
                .line("gateway drops: %d, sessions resumed: %d", drops, discord.resumeCount() - resumesBefore)
                .line("result edits by status: %s; planned failures no request met: %s", editStatuses, unmet)
                .line("refused by the fake (late or second acknowledgements, rate exceeded, ...): %d %s", rejections.size(),
                        rejections.stream().map(Rejection::kind).distinct().toList())
                .line("answers edited in twice: %d", twice)
                .write();
        assertThat(FaultReport.where(journal, FaultReport::isError)).isEmpty();
        assertThat(rejections).isEmpty();
        assertThat(twice).isZero();
    }

    private void useIt(Person person, AtomicBoolean done) {
        String feed = "http://127.0.0.1:" + feeds.port() + "/family.ics";
        int round = 0;
        while (!done.get()) {
            round++;
            person.list();
            if (person.addCalendar("C" + round, feed).startsWith("✅")) {
                person.delete("C" + round);
            }
            Person.sleep(THINK.toMillis());
        }
    }
}
