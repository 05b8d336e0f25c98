package app.plugboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.Message;
import app.plugboard.chat.Notifier;
import app.plugboard.common.UserId;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.crypto.SecretCipher;
import app.plugboard.testsupport.TestDatabase;
import app.plugboard.testsupport.TestKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Direct messages of several Plugboards at once, against a fake Discord that enforces a global rate limit: each
 * Plugboard here is a REST client of the bot with a budget of its own (its own connections), all on one database.
 */
@DisplayName("Direct messages from several Plugboards within Discord's global rate limit")
class DirectMessageBudgetTest {

    private FakeDiscord discord;
    private final List<ShardManager> plugboards = new ArrayList<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(8);

    @BeforeEach
    void start() {
        discord = FakeDiscord.start();
        Flyway.configure().dataSource(database()).load().migrate(); // the schema, as a Plugboard starting first would make it
        new JdbcTemplate(database()).update("delete from discord_rate_budget");
    }

    @AfterEach
    void stop() {
        senders.shutdownNow();
        plugboards.forEach(ShardManager::shutdown);
        discord.close();
    }

    @Test
    @DisplayName("two Plugboards sending 30 notices at once share one budget: every one arrives, and Discord never answers 429")
    void sharedBudget() throws Exception {
        // GIVEN Discord allows 20 requests a second (a direct message takes two), and two Plugboards share a budget of 6 a second
        discord.globalRateLimit(20);
        Notifier a = plugboard(6);
        Notifier b = plugboard(6);
        List<FakeUser> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            people.add(discord.user("person" + i));
        }

        // WHEN both send notices to 15 people each, four at a time
        List<Future<Notifier.Delivery>> sent = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Notifier sender = i % 2 == 0 ? a : b;
            FakeUser person = people.get(i);
            String once = "notice-" + i;
            sent.add(senders.submit(() -> sender.send(new UserId(person.id()), Message.text("🔴 Work mail stopped working."),
                    once)));
        }

        // THEN every notice arrived, once
        for (Future<Notifier.Delivery> delivery : sent) {
            assertThat(delivery.get(60, TimeUnit.SECONDS)).isEqualTo(Notifier.Delivery.DELIVERED);
        }
        for (FakeUser person : people) {
            assertThat(discord.directMessagesTo(person)).hasSize(1);
        }
        // AND Discord never had to refuse: no second held more than its limit
        assertThat(discord.globalRateLimited()).isEmpty();
        assertThat(discord.mostRequestsInOneSecond()).isLessThanOrEqualTo(20);
    }

    @Test
    @DisplayName("a notice that would wait longer than its budget allows is not sent, and is reported as failed (tried again later)")
    void waitTooLong() throws Exception {
        // GIVEN a budget of one message a second, and a sender that waits at most 100 ms
        DataSource database = database();
        ShardManager rest = ReplyAcrossPlugboardsTest.restOnly(discord);
        plugboards.add(rest);
        Notifier impatient = new DiscordNotifier(rest, new ReplyHooks(new NamedParameterJdbcTemplate(database), SecretCipher.ofBase64Keys(TestKeys.CURRENT), Clock.systemUTC()),
                new DirectMessageBudget(database, 1, Duration.ofMillis(100)), new NoObserver());
        FakeUser alice = discord.user("alice");
        FakeUser bob = discord.user("bob");

        // WHEN two notices go at once
        Notifier.Delivery first = impatient.send(new UserId(alice.id()), Message.text("one"), "one");
        Notifier.Delivery second = impatient.send(new UserId(bob.id()), Message.text("two"), "two");

        // THEN the first went, the second waits for a later attempt
        assertThat(first).isEqualTo(Notifier.Delivery.DELIVERED);
        assertThat(second).isEqualTo(Notifier.Delivery.FAILED);
        assertThat(discord.directMessagesTo(bob)).isEmpty();
    }

    private Notifier plugboard(int perSecond) {
        ShardManager rest = ReplyAcrossPlugboardsTest.restOnly(discord);
        plugboards.add(rest);
        DataSource database = database();
        return new DiscordNotifier(rest, new ReplyHooks(new NamedParameterJdbcTemplate(database), SecretCipher.ofBase64Keys(TestKeys.CURRENT), Clock.systemUTC()),
                new DirectMessageBudget(database, perSecond, Duration.ofSeconds(30)), new NoObserver());
    }

    private static DataSource database() {
        TestDatabase database = TestDatabase.get();
        return new DriverManagerDataSource(database.url(), database.username(), database.password());
    }

    private static final class NoObserver implements DiscordObserver {
        @Override
        public void acknowledged(String response, boolean accepted, Duration took) {
        }

        @Override
        public void answered(String kind, boolean delivered, Duration took) {
        }

        @Override
        public void directMessage(DirectMessage outcome) {
        }
    }
}
