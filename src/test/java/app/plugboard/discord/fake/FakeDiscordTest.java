package app.plugboard.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import tools.jackson.databind.JsonNode;

/**
 * The fake Discord against the real JDA 6.5 client, driven by a bare {@link ListenerAdapter}: what the
 * listener does reaches the fake over HTTP, and JDA's own success and failure callbacks tell whether it
 * worked from the client's side.
 */
@DisplayName("FakeDiscord with a real JDA client")
class FakeDiscordTest {

    static FakeDiscord fake;
    static JDA jda;
    static final BareBot bot = new BareBot();
    static final List<Throwable> defaultFailures = new CopyOnWriteArrayList<>();
    static Consumer<? super Throwable> previousDefaultFailure;

    @BeforeAll
    static void startFakeAndLogIn() throws InterruptedException {
        previousDefaultFailure = RestAction.getDefaultFailure();
        RestAction.setDefaultFailure(defaultFailures::add);
        fake = FakeDiscord.start();
        jda = fake.configure(JDABuilder.createLight(fake.token()))
                .addEventListeners(bot)
                .build()
                .awaitReady();
        jda.updateCommands().addCommands(
                Commands.slash("ping", "Answers pong"),
                Commands.slash("slow", "Thinks, then answers"),
                Commands.slash("connect", "Connects a service")
                        .addSubcommands(new SubcommandData("imap", "A mailbox")),
                Commands.slash("panel", "Shows buttons and a menu"),
                Commands.slash("pick", "Picks an item")
                        .addOption(OptionType.STRING, "item", "The item", true, true),
                Commands.slash("whoami", "Tells who you are")
                        .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM),
                Commands.slash("twice", "Replies twice"),
                Commands.slash("sleepy", "Replies after 3.5 s"),
                Commands.slash("late-form", "Defers, then tries a modal"),
                Commands.slash("bench", "Replies at once"),
                Commands.slash("export", "Replies with an embed"),
                Commands.slash("notify", "Sends you a DM"),
                Commands.slash("settings", "Changes settings").addSubcommands(new SubcommandData("set", "Sets one")
                        .addOption(OptionType.STRING, "name", "Setting", true)
                        .addOption(OptionType.STRING, "value", "Its value"))
        ).complete();
    }

    @AfterAll
    static void logOutAndStop() throws InterruptedException {
        if (jda != null) {
            jda.shutdown(); // graceful: shutdownNow() interrupts JDA's REST workers mid-bucket and they log errors
            if (!jda.awaitShutdown(5, TimeUnit.SECONDS)) {
                jda.shutdownNow();
            }
        }
        if (fake != null) {
            fake.close();
        }
        RestAction.setDefaultFailure(previousDefaultFailure);
    }

    @BeforeEach
    void forgetEarlierOutcomes() {
        defaultFailures.clear();
        bot.outcomes.clear();
        bot.errors.clear();
    }

    @Test
    @DisplayName("an ephemeral reply arrives as callback type 4 with flag 64, and JDA sees it succeed")
    void ephemeralReply() {
        // GIVEN a member
        FakeUser ada = fake.user("ada");

        // WHEN she runs /ping
        FakeInteraction ping = fake.slash(ada, "ping", null, Map.of());

        // THEN the bot replied "pong" for her eyes only, and the reply succeeded on JDA's side
        Callback callback = ping.awaitCallback();
        assertThat(callback.type()).isEqualTo(Callback.REPLY);
        assertThat(callback.ephemeral()).isTrue();
        assertThat(callback.content()).isEqualTo("pong");
        assertThat(callback.accepted()).isTrue();
        assertThat(ping.message().content()).isEqualTo("pong");
        awaitOutcome("ping:ok");
        assertCleanRun(ping);
    }

    @Test
    @DisplayName("a deferred reply is type 5, then the edit of @original carries the answer")
    void deferredReplyThenEdit() {
        // GIVEN a member
        FakeUser ada = fake.user("ada");

        // WHEN she runs /slow
        FakeInteraction slow = fake.slash(ada, "slow", null, Map.of());

        // THEN the bot deferred ephemerally and edited the original to "done", which stays ephemeral
        assertThat(slow.awaitCallback().type()).isEqualTo(Callback.DEFERRED_REPLY);
        assertThat(slow.awaitCallback().ephemeral()).isTrue();
        assertThat(slow.awaitOriginalEdit().path("content").asString()).isEqualTo("done");
        assertThat(slow.message().content()).isEqualTo("done");
        assertThat(slow.message().ephemeral()).isTrue();
        awaitOutcome("slow:edited");
        assertCleanRun(slow);
    }

    @Test
    @DisplayName("a modal with a Label-wrapped text input and select comes back as the values the user entered")
    void modalRoundTrip() {
        // GIVEN a member who ran /connect imap and got a modal
        FakeUser ada = fake.user("ada");
        FakeInteraction connect = fake.slash(ada, "connect", "imap", Map.of());
        Callback modal = connect.awaitCallback();
        assertThat(modal.type()).isEqualTo(Callback.MODAL);
        assertThat(modal.customId()).isEqualTo("imap-form");
        awaitOutcome("connect:modal-shown");

        // WHEN she submits it
        FakeInteraction submit = fake.modalSubmit(ada, "imap-form",
                Map.of("server", "imap.example.org"), Map.of("security", List.of("tls")));

        // THEN the listener read both values and replied with them
        assertThat(submit.awaitCallback().content()).isEqualTo("Saved imap.example.org with [tls]");
        awaitOutcome("imap-form:ok");
        assertCleanRun(connect);
        assertCleanRun(submit);
    }

    @Test
    @DisplayName("button clicks update the message: editMessage is type 7, deferEdit is type 6 and edits @original")
    void buttonClicks() {
        // GIVEN a member who ran /panel and got a message with buttons
        FakeUser ada = fake.user("ada");
        FakeInteraction panel = fake.slash(ada, "panel", null, Map.of());
        FakeMessage message = panel.message();
        assertThat(message.buttonCustomIds()).containsExactly("panel:refresh", "panel:later");

        // WHEN she clicks "Refresh"
        FakeInteraction refresh = fake.button(ada, message.button("Refresh").path("custom_id").asString(), message);

        // THEN the bot updated the message in place
        assertThat(refresh.awaitCallback().type()).isEqualTo(Callback.UPDATE_MESSAGE);
        assertThat(refresh.message().id()).isEqualTo(message.id());
        assertThat(refresh.message().content()).isEqualTo("Refreshed");
        awaitOutcome("panel:refresh:ok");

        // WHEN she clicks "Later"
        FakeInteraction later = fake.button(ada, "panel:later", message);

        // THEN the bot deferred the update and then edited the same message
        assertThat(later.awaitCallback().type()).isEqualTo(Callback.DEFERRED_UPDATE);
        assertThat(later.awaitOriginalEdit().path("content").asString()).isEqualTo("Later");
        assertThat(fake.message(message.id()).orElseThrow().content()).isEqualTo("Later");
        awaitOutcome("panel:later:ok");
        assertCleanRun(panel);
        assertCleanRun(refresh);
        assertCleanRun(later);
    }

    @Test
    @DisplayName("the values chosen in a string select reach the listener")
    void stringSelect() {
        // GIVEN a member who ran /panel
        FakeUser ada = fake.user("ada");
        FakeInteraction panel = fake.slash(ada, "panel", null, Map.of());
        FakeMessage message = panel.message();
        assertThat(message.selectOptionValues("panel:color")).containsExactly("red", "blue");

        // WHEN she picks blue
        FakeInteraction pick = fake.select(ada, "panel:color", List.of("blue"), message);

        // THEN the listener saw exactly that value
        assertThat(pick.awaitCallback().content()).isEqualTo("You chose [blue]");
        awaitOutcome("panel:color:[blue]");
        assertCleanRun(pick);
    }

    @Test
    @DisplayName("autocomplete answers with type 8 and the matching choices")
    void autocomplete() {
        // GIVEN a member typing "ap" into /pick item
        FakeUser ada = fake.user("ada");

        // WHEN Discord asks for suggestions
        FakeInteraction typing = fake.autocomplete(ada, "pick", null, Map.of("item", "ap"), "item");

        // THEN the bot offered the items starting with "ap"
        Callback choices = typing.awaitCallback();
        assertThat(choices.type()).isEqualTo(Callback.AUTOCOMPLETE_RESULT);
        assertThat(choices.choiceNames()).containsExactly("apple", "apricot");
        awaitOutcome("pick:choices-sent");
        assertCleanRun(typing);
    }

    @Test
    @DisplayName("a slash command in a DM has a user and no member")
    void slashInDm() {
        // GIVEN a user in her DM with the bot
        FakeUser ada = fake.user("ada");

        // WHEN she runs /whoami there
        FakeInteraction whoami = fake.slashInDm(ada, "whoami", null, Map.of());

        // THEN the bot knew her, found no member, and answered in the DM channel
        assertThat(whoami.awaitCallback().content()).isEqualTo("user=ada member=false guild=false");
        assertThat(whoami.message().channelId()).isEqualTo(ada.dmChannelId());
        awaitOutcome("whoami:ok");
        assertCleanRun(whoami);
    }

    @Test
    @DisplayName("a second reply on the same event is refused by JDA itself: only one acknowledgement leaves")
    void jdaRefusesSecondReplyLocally() {
        // GIVEN a member
        FakeUser ada = fake.user("ada");

        // WHEN she runs /twice, whose listener replies two times
        FakeInteraction twice = fake.slash(ada, "twice", null, Map.of());

        // THEN JDA refused the second reply before sending it: the fake saw one callback
        awaitOutcome("twice:second-refused:IllegalStateException");
        assertThat(twice.awaitCallback().content()).isEqualTo("one");
        assertThat(twice.callbacks()).hasSize(1);
        assertThat(rejectionsOf(twice)).isEmpty();
    }

    @Test
    @DisplayName("an acknowledgement of an already acknowledged interaction gets 40060 and is recorded")
    void doubleAcknowledgementReachingDiscord() {
        // GIVEN a member whose /twice was answered once
        FakeUser ada = fake.user("ada");
        FakeInteraction twice = fake.slash(ada, "twice", null, Map.of());
        awaitOutcome("twice:first-ok");

        // WHEN the same interaction reaches the bot again (a second process, a replayed event)
        fake.redeliver(twice);

        // THEN the second acknowledgement got 40060, the fake recorded it, and JDA reported the error
        List<Callback> callbacks = twice.awaitCallbacks(2);
        assertThat(callbacks.get(0).accepted()).isTrue();
        assertThat(callbacks.get(1).status()).isEqualTo(400);
        assertThat(callbacks.get(1).errorCode()).isEqualTo(40060);
        assertThat(rejectionsOf(twice)).extracting(Rejection::kind).containsExactly(Rejection.Kind.ALREADY_ACKNOWLEDGED);
        awaitOutcome("twice:first-failed:" + ErrorResponse.INTERACTION_ALREADY_ACKNOWLEDGED.name());
    }

    @Test
    @DisplayName("a modal after a defer is refused (40060) and recorded as such")
    void modalAfterDefer() {
        // GIVEN a member whose /late-form was deferred
        FakeUser ada = fake.user("ada");
        FakeInteraction lateForm = fake.slash(ada, "late-form", null, Map.of());
        assertThat(lateForm.awaitCallback().type()).isEqualTo(Callback.DEFERRED_REPLY);
        awaitOutcome("late-form:modal-refused-locally:IllegalStateException");

        // WHEN a modal for the same interaction reaches Discord anyway (here: the event delivered again)
        fake.redeliver(lateForm);

        // THEN the fake refused the modal and recorded it as a modal after a defer
        assertThat(lateForm.awaitCallbacks(2).get(1).errorCode()).isEqualTo(40060);
        assertThat(rejectionsOf(lateForm)).extracting(Rejection::kind).containsExactly(Rejection.Kind.MODAL_AFTER_DEFER);
    }

    @Test
    @DisplayName("a first acknowledgement later than 3 s gets 10062 Unknown interaction")
    void lateAcknowledgement() {
        // GIVEN a member
        FakeUser ada = fake.user("ada");

        // WHEN she runs /sleepy, whose listener sleeps 3.5 s before replying
        FakeInteraction sleepy = fake.slash(ada, "sleepy", null, Map.of());

        // THEN Discord (the fake) no longer knew the interaction, and JDA reported it
        Callback callback = sleepy.awaitCallback();
        assertThat(callback.status()).isEqualTo(404);
        assertThat(callback.errorCode()).isEqualTo(10062);
        assertThat(sleepy.timeToFirstCallback()).isGreaterThan(Duration.ofMillis(3_400));
        assertThat(rejectionsOf(sleepy)).extracting(Rejection::kind).containsExactly(Rejection.Kind.UNKNOWN_INTERACTION);
        awaitOutcome("sleepy:failed:" + ErrorResponse.UNKNOWN_INTERACTION.name());
    }

    @Test
    @DisplayName("a reply with an embed keeps it, and JDA reads the answer")
    void embed() {
        // GIVEN a member
        FakeUser ada = fake.user("ada");

        // WHEN she runs /export
        FakeInteraction export = fake.slash(ada, "export", null, Map.of());

        // THEN the reply carries the embed, and JDA read the message the fake answered with
        FakeMessage message = export.message();
        assertThat(message.embeds()).singleElement().satisfies(embed -> assertThat(embed.path("type").asString()).isEqualTo("rich"));
        assertThat(message.text()).isEqualTo("Export\n2 workflows");
        awaitOutcome("export:ok:Export");
        assertCleanRun(export);
    }

    @Test
    @DisplayName("a DM the bot opens itself lands in the user's DM channel")
    void botOpensDm() {
        // GIVEN a member
        FakeUser ada = fake.user("ada");

        // WHEN she runs /notify
        FakeInteraction notify = fake.slash(ada, "notify", null, Map.of());

        // THEN the bot answered and sent her a DM through users/@me/channels and channels/{dm}/messages
        assertThat(notify.awaitCallback().content()).isEqualTo("check your DMs");
        awaitOutcome("notify:dm-sent");
        assertThat(fake.directMessagesTo(ada)).extracting(FakeMessage::content).containsExactly("psst");
        assertCleanRun(notify);
    }

    @Test
    @DisplayName("a DM sent twice with one enforced nonce is one message: the second send returns the first")
    void nonceEnforced() throws Exception {
        // GIVEN a member
        FakeUser ada = fake.user("ada");

        // WHEN the bot sends her the same message twice under one nonce (JDA always enforces it), and once under another
        String first = jda.openPrivateChannelById(ada.id()).flatMap(dm -> dm.sendMessage("hello").setNonce("notice-1"))
                .submit().get(5, TimeUnit.SECONDS).getId();
        String second = jda.openPrivateChannelById(ada.id()).flatMap(dm -> dm.sendMessage("hello").setNonce("notice-1"))
                .submit().get(5, TimeUnit.SECONDS).getId();
        jda.openPrivateChannelById(ada.id()).flatMap(dm -> dm.sendMessage("hello").setNonce("notice-2"))
                .submit().get(5, TimeUnit.SECONDS);

        // THEN the second answer is the first message, and she has two messages, not three
        assertThat(second).isEqualTo(first);
        assertThat(fake.directMessagesTo(ada)).hasSize(2);
        assertThat(fake.requests()).filteredOn(request -> request.method().equals("POST")
                && request.path().endsWith("/messages")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("a user who accepts no DMs: the bot's message gets 403 with code 50007, and nothing is stored")
    void directMessagesRefused() {
        // GIVEN a member who accepts no direct messages from the bot
        FakeUser ada = fake.user("ada");
        fake.refuseDirectMessages(ada);

        // WHEN the bot writes to her THEN JDA sees Discord's "Cannot send messages to this user"
        assertThatThrownBy(() -> jda.openPrivateChannelById(ada.id()).flatMap(dm -> dm.sendMessage("hello"))
                .submit().get(5, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(ErrorResponseException.class,
                        error -> assertThat(error.getErrorResponse()).isEqualTo(ErrorResponse.CANNOT_SEND_TO_USER));
        assertThat(fake.directMessagesTo(ada)).isEmpty();
        // AND it is not counted as the bot misbehaving
        assertThat(fake.rejections()).noneMatch(rejection -> rejection.path().contains(ada.idString()));

        // WHEN she accepts them again THEN the next message arrives
        fake.acceptDirectMessages(ada);
        jda.openPrivateChannelById(ada.id()).flatMap(dm -> dm.sendMessage("hello again")).complete();
        assertThat(fake.directMessagesTo(ada)).extracting(FakeMessage::content).containsExactly("hello again");
    }

    @Test
    @DisplayName("a client with another token is refused at login")
    void wrongToken() {
        // GIVEN a client configured with a token the fake does not know
        JDABuilder stranger = fake.configure(JDABuilder.createLight("not-the-token"));

        // WHEN it logs in, THEN users/@me answers 401 and JDA gives up
        assertThatThrownBy(stranger::build).isInstanceOf(InvalidTokenException.class);
        assertThat(fake.rejections()).extracting(Rejection::kind).contains(Rejection.Kind.UNAUTHORIZED);
    }

    @Test
    @DisplayName("string options of a subcommand reach the listener by name")
    void options() {
        // GIVEN a member
        FakeUser ada = fake.user("ada");

        // WHEN she runs /settings set with both options
        FakeInteraction set = fake.slash(ada, "settings", "set", FakeDiscord.options("name", "digest", "value", "daily"));

        // THEN the listener read each
        assertThat(set.awaitCallback().content()).isEqualTo("set digest=daily");
        assertCleanRun(set);
    }

    @Test
    @DisplayName("an option the bot never declared fails in the test instead of reaching the bot")
    void undeclaredOption() {
        // GIVEN a member
        FakeUser ada = fake.user("ada");

        // WHEN a test fires /settings set with a misspelt option, THEN the fake refuses to build it
        assertThatThrownBy(() -> fake.slash(ada, "settings", "set", Map.of("nmae", "digest")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no option 'nmae'");
        assertThatThrownBy(() -> fake.slash(ada, "settings", "set", Map.of()))
                .hasMessageContaining("requires option 'name'");
    }

    @Test
    @DisplayName("the commands the bot registered are visible, with subcommands and autocomplete flags")
    void registeredCommands() {
        // GIVEN the bot registered its commands at start-up (see @BeforeAll)

        // WHEN a test looks at them
        List<JsonNode> commands = fake.registeredCommands();

        // THEN names, subcommands and options are as the bot declared them
        assertThat(commands).extracting(c -> c.path("name").asString())
                .contains("ping", "slow", "connect", "panel", "pick", "whoami", "twice", "sleepy");
        JsonNode connect = fake.registeredCommand("connect").orElseThrow();
        assertThat(connect.path("options").get(0).path("name").asString()).isEqualTo("imap");
        JsonNode item = fake.registeredCommand("pick").orElseThrow().path("options").get(0);
        assertThat(item.path("autocomplete").asBoolean()).isTrue();
        assertThat(item.path("required").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("after an op 7 reconnect JDA resumes the session and interactions keep working")
    void reconnectAndResume() {
        // GIVEN a logged-in bot
        int resumesBefore = fake.resumeCount();

        // WHEN Discord asks it to reconnect
        fake.reconnect();

        // THEN it resumes (no new IDENTIFY) and still answers
        await().atMost(Duration.ofSeconds(10)).until(() -> fake.resumeCount() == resumesBefore + 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
        assertThat(fake.identifyCount()).isEqualTo(1);
        FakeInteraction ping = fake.slash(fake.user("ada"), "ping", null, Map.of());
        assertThat(ping.awaitCallback().content()).isEqualTo("pong");
        assertCleanRun(ping);
    }

    @Test
    @DisplayName("200 slash commands fired at once are all answered in time")
    void manyConcurrentInteractions(TestReporter reporter) {
        // GIVEN a bare listener that replies at once to /bench

        // WHEN 200 interactions arrive together
        BareListenerBenchmarkSupport.Result result =
                BareListenerBenchmarkSupport.fire(fake, 200, user -> fake.slash(user, "bench", null, Map.of()));

        // THEN every one got its accepted reply
        assertThat(result.accepted()).isEqualTo(200);
        assertThat(result.refused()).isZero();
        reporter.publishEntry("bare JDA listener, 200 concurrent slash commands", result.toString());
        assertThat(defaultFailures).isEmpty();
        assertThat(fake.fakeFailures()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static void awaitOutcome(String outcome) {
        await().atMost(Duration.ofSeconds(5)).until(() -> bot.outcomes.contains(outcome));
    }

    private static List<Rejection> rejectionsOf(FakeInteraction interaction) {
        return fake.rejections().stream().filter(r -> interaction.id().equals(r.interactionId())).toList();
    }

    private static void assertCleanRun(FakeInteraction interaction) {
        assertThat(interaction.callbacks()).allMatch(Callback::accepted);
        assertThat(rejectionsOf(interaction)).isEmpty();
        assertThat(defaultFailures).isEmpty();
        assertThat(bot.errors).isEmpty();
        assertThat(fake.unknownRoutes()).isEmpty();
        assertThat(fake.fakeFailures()).isEmpty();
    }

    /** A bare JDA listener; it notes what happened on JDA's side in {@link #outcomes}. */
    static final class BareBot extends ListenerAdapter {

        final Set<String> outcomes = ConcurrentHashMap.newKeySet();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            guarded(() -> {
                switch (event.getName()) {
                    case "ping" -> event.reply("pong").setEphemeral(true).queue(ok -> outcomes.add("ping:ok"));
                    case "slow" -> {
                        event.deferReply(true).queue();
                        event.getHook().editOriginal("done").queue(ok -> outcomes.add("slow:edited"));
                    }
                    case "connect" -> event.replyModal(Modal.create("imap-form", "Connect IMAP")
                            .addComponents(
                                    Label.of("Server", TextInput.create("server", TextInputStyle.SHORT).build()),
                                    Label.of("Security", StringSelectMenu.create("security")
                                            .addOption("TLS", "tls")
                                            .addOption("STARTTLS", "starttls")
                                            .build()))
                            .build()).queue(ok -> outcomes.add("connect:modal-shown"));
                    case "panel" -> event.reply("Choose")
                            .setComponents(
                                    ActionRow.of(Button.primary("panel:refresh", "Refresh"),
                                            Button.secondary("panel:later", "Later")),
                                    ActionRow.of(StringSelectMenu.create("panel:color")
                                            .addOption("Red", "red")
                                            .addOption("Blue", "blue")
                                            .build()))
                            .queue(ok -> outcomes.add("panel:ok"));
                    case "whoami" -> event.reply("user=" + event.getUser().getName()
                                    + " member=" + (event.getMember() != null)
                                    + " guild=" + event.isFromGuild())
                            .queue(ok -> outcomes.add("whoami:ok"));
                    case "twice" -> {
                        event.reply("one").queue(ok -> outcomes.add("twice:first-ok"),
                                error -> outcomes.add("twice:first-failed:" + errorName(error)));
                        event.reply("two").queue(ok -> outcomes.add("twice:second-ok"),
                                error -> outcomes.add("twice:second-refused:" + errorName(error)));
                    }
                    case "late-form" -> {
                        if (outcomes.add("late-form:seen:" + event.getId())) {
                            event.deferReply().queue();
                        }
                        TextInput name = TextInput.create("name", TextInputStyle.SHORT).build();
                        event.replyModal(Modal.create("late", "Too late")
                                        .addComponents(Label.of("Name", name))
                                        .build())
                                .queue(ok -> outcomes.add("late-form:modal-ok"),
                                        error -> outcomes.add("late-form:modal-refused-locally:" + errorName(error)));
                    }
                    case "sleepy" -> {
                        sleep(3_500);
                        event.reply("late").queue(ok -> outcomes.add("sleepy:ok"),
                                error -> outcomes.add("sleepy:failed:" + errorName(error)));
                    }
                    case "bench" -> event.reply("pong").queue();
                    case "settings" -> event.reply("set " + event.getOption("name").getAsString()
                                    + "=" + event.getOption("value").getAsString())
                            .setEphemeral(true).queue();
                    case "export" -> event.replyEmbeds(new EmbedBuilder()
                                    .setTitle("Export")
                                    .setDescription("2 workflows")
                                    .build())
                            .queue(hook -> outcomes.add("export:ok:"
                                    + hook.getCallbackResponse().getMessage().getEmbeds().get(0).getTitle()));
                    case "notify" -> {
                        event.reply("check your DMs").setEphemeral(true).queue();
                        event.getUser().openPrivateChannel()
                                .flatMap(channel -> channel.sendMessage("psst"))
                                .queue(ok -> outcomes.add("notify:dm-sent"));
                    }
                    default -> throw new IllegalStateException("unexpected /" + event.getName());
                }
            });
        }

        @Override
        public void onModalInteraction(ModalInteractionEvent event) {
            guarded(() -> {
                String server = event.getValue("server").getAsString();
                List<String> security = event.getValue("security").getAsStringList();
                event.reply("Saved " + server + " with " + security).setEphemeral(true)
                        .queue(ok -> outcomes.add(event.getModalId() + ":ok"));
            });
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            guarded(() -> {
                switch (event.getComponentId()) {
                    case "panel:refresh" -> event.editMessage("Refreshed").queue(ok -> outcomes.add("panel:refresh:ok"));
                    case "panel:later" -> {
                        event.deferEdit().queue();
                        event.getHook().editOriginal("Later").queue(ok -> outcomes.add("panel:later:ok"));
                    }
                    default -> throw new IllegalStateException("unexpected button " + event.getComponentId());
                }
            });
        }

        @Override
        public void onStringSelectInteraction(StringSelectInteractionEvent event) {
            guarded(() -> event.reply("You chose " + event.getValues()).setEphemeral(true)
                    .queue(ok -> outcomes.add(event.getComponentId() + ":" + event.getValues())));
        }

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
            guarded(() -> {
                String typed = event.getFocusedOption().getValue();
                List<String> matching = List.of("apple", "apricot", "banana").stream()
                        .filter(item -> item.startsWith(typed))
                        .toList();
                event.replyChoiceStrings(matching).queue(ok -> outcomes.add("pick:choices-sent"));
            });
        }

        private void guarded(Runnable handler) {
            try {
                handler.run();
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }

        private static String errorName(Throwable error) {
            return error instanceof ErrorResponseException response
                    ? response.getErrorResponse().name()
                    : error.getClass().getSimpleName();
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
