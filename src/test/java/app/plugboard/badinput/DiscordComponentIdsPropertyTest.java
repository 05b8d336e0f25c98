package app.plugboard.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeMessage;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.SampleSettings;
import app.plugboard.testsupport.ShardsReady;
import app.plugboard.testsupport.Tables;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.JsonNode;

/**
 * Forged button ids through the real JDA client and the fake Discord, which JDA parses itself before the router
 * sees them: any custom id (of Discord's 100 characters at most: garbage, valid-shaped, Bob's), clicked by Alice on
 * a message of her own. Each is acknowledged in time, once, privately, with a polite answer; nothing is logged as a
 * failure. The same context as the other {@link DiscordTest}s; what {@code @DiscordTest} does around a JUnit test is
 * done here around the property.
 */
@DiscordTest
@Label("Bad input: forged button ids through Discord")
class DiscordComponentIdsPropertyTest {

    @Autowired
    FakeDiscord discord;
    @Autowired
    ShardManager shards;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private FakeUser alice;
    private FakeMessage alicesMessage;
    private IntegrationView bobs;
    private int rejections;

    @BeforeProperty
    void loggedInToTheFakeDiscord() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        ShardsReady.await(shards);
        discord.awaitRegisteredCommands();
        Tables.truncateAll(jdbc);
        alice = discord.user("alice");
        FakeUser bob = discord.user("bob");
        integrations.create(new UserId(alice.id()), "Work mail", SampleSettings.imap("pw"));
        bobs = integrations.create(new UserId(bob.id()), "Bobs mailbox", SampleSettings.imap("pw"));
        alicesMessage = discord.slash(alice, "integration", "help", Map.of()).message();
        rejections = discord.rejections().size();
        log.start();
        root().addAppender(log);
    }

    @AfterProperty
    void discordRefusedNothing() {
        root().detachAppender(log);
        log.stop();
        assertThat(discord.rejections().subList(rejections, discord.rejections().size()))
                .as("requests Discord would refuse: late or double acknowledgements, invalid bodies").isEmpty();
    }

    @Property(tries = 25)
    @Label("any button id Alice's client sends is acknowledged once, in time, privately and politely")
    void anyButtonId(@ForAll("customIds") String customId) {
        // WHEN Alice's (modified) client clicks a button with this id on her own message
        String id = customId.replace("⟦bob⟧", bobs.id().toString());
        FakeInteraction click = discord.forgedButton(alice, id, alicesMessage);

        // THEN it is acknowledged, privately, and the answer is polite, never "something went wrong"
        Callback first = click.awaitCallback();
        assertThat(first.accepted()).as("callback of %s", BadInputHarness.escaped(id)).isTrue();
        boolean deferred = first.type() == Callback.DEFERRED_REPLY || first.type() == Callback.DEFERRED_UPDATE;
        String answer = deferred ? firstEdit(click) : first.data().toString();
        assertThat(answer).as(BadInputHarness.escaped(id)).doesNotContain("Something went wrong", "Exception");
        if (first.type() == Callback.REPLY) {
            assertThat(first.ephemeral()).isTrue();
        }
        // AND nothing was logged as a failure
        assertThat(log.list).filteredOn(line -> line.getLevel().isGreaterOrEqual(Level.ERROR)
                        && (line.getThrowableProxy() != null || line.getLoggerName().startsWith("app.plugboard")))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    @Provide
    Arbitrary<String> customIds() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, BadValues.any().map(value -> value.length() > 100 ? value.substring(0, 100) : value)
                        .filter(value -> !value.isEmpty())),
                Tuple.of(3, Arbitraries.of("int:del", "int:del-ok", "int:check", "int:edit", "int:rename", "int:form:REPLACE_CREDENTIALS",
                        "int:reauth", "int:retry", "int:submit", "int:page", "wf:del-ok", "wf:page", "gmail:reconnect")
                        .flatMap(route -> Arbitraries.of(":⟦bob⟧", ":⟦bob⟧:1", ":⟦bob⟧:1:e3b0c44298", ":0", ":-1", "", ":",
                                ":00000000-0000-0000-0000-000000000000", ":⟦bob⟧:99999999999999999999").map(args -> route + args))),
                Tuple.of(1, Arbitraries.strings().withChars(":").ofMinLength(1).ofMaxLength(100)));
    }

    private static String firstEdit(FakeInteraction click) {
        JsonNode edit = click.awaitOriginalEdit();
        return edit.toString();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
