package app.plugboard.discord;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatRouter;
import app.plugboard.common.UserId;
import app.plugboard.console.TerminalDriver;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeMessage;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.mail.TestMailServer;
import app.plugboard.testsupport.mail.TestTls;
import com.icegreen.greenmail.user.GreenMailUser;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Adding IMAP mail for real: the fake Discord and the terminal in front, GreenMail (a real IMAP
 * server, implicit TLS with a test CA in the configured trust store) behind, nothing stood in.
 */
@DiscordTest
@DisplayName("Adding IMAP mail end to end, against GreenMail")
class ImapAddEndToEndTest {

    static final TestMailServer MAIL = TestMailServer.start();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("plugboard.network.allowed-ranges", () -> "127.0.0.0/8");
        TestTls.trustedBy(registry);
    }

    @Autowired
    FakeDiscord discord;
    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;

    FakeUser alice;

    @AfterAll
    static void stopMail() {
        MAIL.close();
    }

    @Test
    @DisplayName("in Discord: the form, the check against the real server, its real numbers, and the integration stored connected")
    void inDiscord() {
        // GIVEN a mailbox with three messages, one unread
        GreenMailUser mailbox = MAIL.user("alice@example.com", "app-password-1");
        MAIL.deliver(mailbox, "bob@example.com", "Hello", "Hi Alice", true, new Date());
        MAIL.deliver(mailbox, "carol@example.com", "Lunch?", "Tomorrow?", true, new Date());
        MAIL.deliver(mailbox, "dave@example.com", "Invoice", "Attached", false, new Date());

        // WHEN Alice adds it through the modal
        Callback form = discord.slash(alice, "integration", "add", options("type", "imap", "label", "Work mail")).awaitCallback();
        FakeInteraction submit = discord.modalSubmit(alice, form.customId(), Map.of("username", "alice@example.com",
                "password", "app-password-1", "server", "localhost", "port", String.valueOf(MAIL.imapsPort())),
                Map.of("security", List.of("IMPLICIT_TLS")));

        // THEN the reply says what the server really holds
        assertThat(submit.awaitCallback().content()).isEqualTo("Checking the connection…");
        String result = submit.awaitMessage(m -> !m.content().startsWith("Checking")).content();
        assertThat(result).startsWith("✅ Work mail is connected.")
                .contains("Connected as alice@example.com: INBOX 3 messages (1 unread)");
        // AND it is stored connected, with what was typed
        IntegrationView stored = integrations.list(id(alice)).get(0);
        assertThat(stored.status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(integrations.settings(id(alice), stored.id())).isEqualTo(new ImapSettings("alice@example.com",
                Secret.of("app-password-1"), "localhost", MAIL.imapsPort(), ImapSecurity.IMPLICIT_TLS, null, null));
    }

    @Test
    @DisplayName("in Discord: a password the server refuses saves nothing, names the fix and offers Try again")
    void refusedInDiscord() {
        MAIL.user("bob@example.com", "right");

        Callback form = discord.slash(alice, "integration", "add", options("type", "imap", "label", "Bob")).awaitCallback();
        FakeInteraction submit = discord.modalSubmit(alice, form.customId(), Map.of("username", "bob@example.com",
                "password", "wrong", "server", "localhost", "port", String.valueOf(MAIL.imapsPort())),
                Map.of("security", List.of("IMPLICIT_TLS")));

        String result = submit.awaitMessage(m -> m.content().startsWith("❌")).content();
        assertThat(result).startsWith("❌ Bob is not saved: ").containsIgnoringCase("password");
        assertThat(integrations.list(id(alice))).isEmpty();
        // AND Try again opens the form again with what she typed, but not the password
        FakeMessage refused = submit.message();
        Callback again = discord.button(alice, refused.button("Try again").path("custom_id").asString(), refused).awaitCallback();
        assertThat(again.type()).isEqualTo(Callback.MODAL);
        assertThat(again.data().toString()).contains("bob@example.com").doesNotContain("wrong");
    }

    @Test
    @DisplayName("edit, sending mail: the SMTP server typed is checked for real; only a working one is stored")
    void sendingMail() {
        // GIVEN a connected mailbox without SMTP
        MAIL.user("dora@example.com", "app-password-3");
        IntegrationView stored = integrations.create(id(alice), "Dora", new ImapSettings("dora@example.com",
                Secret.of("app-password-3"), "localhost", MAIL.imapsPort(), ImapSecurity.IMPLICIT_TLS, null, null));
        FakeMessage choices = discord.slash(alice, "integration", "edit", options("integration", stored.id().toString()))
                .awaitMessage(m -> m.content().startsWith("What would you like to change"));
        Callback form = discord.button(alice, choices.button("Sending mail").path("custom_id").asString(), choices).awaitCallback();
        assertThat(form.data().path("title").asString()).isEqualTo("Sending mail: Dora");

        // WHEN she gives a port where no SMTP server answers (with the password: the form asks for it with a new server)
        // THEN nothing changes
        FakeInteraction wrong = discord.modalSubmit(alice, form.customId(), Map.of("smtpServer", "localhost",
                "smtpPort", String.valueOf(MAIL.imapsPort()), "password", "app-password-3"), Map.of());
        assertThat(wrong.awaitMessage(m -> m.content().startsWith("❌")).content())
                .startsWith("❌ Nothing was changed: Dora keeps its current settings.").contains("Sending mail does not work");
        assertThat(((ImapSettings) integrations.settings(id(alice), stored.id())).smtpServer()).isNull();

        // WHEN she tries again with GreenMail's SMTP port THEN it is checked and stored
        Callback again = discord.button(alice, wrong.message().button("Try again").path("custom_id").asString(),
                wrong.message()).awaitCallback();
        FakeInteraction right = discord.modalSubmit(alice, again.customId(), Map.of("smtpServer", "localhost",
                "smtpPort", String.valueOf(MAIL.smtpsPort()), "password", "app-password-3"), Map.of());
        assertThat(right.awaitMessage(m -> m.content().startsWith("✅")).content())
                .contains("Updated Dora.", "Sending through localhost:" + MAIL.smtpsPort() + " works too.");
        ImapSettings updated = (ImapSettings) integrations.settings(id(alice), stored.id());
        assertThat(updated.smtpServer()).isEqualTo("localhost");
        assertThat(updated.smtpPort()).isEqualTo(MAIL.smtpsPort());
        assertThat(updated.password()).isEqualTo(Secret.of("app-password-3"));
    }

    @Test
    @DisplayName("in the terminal: the same form as prompts, the same check, the same stored result")
    void inTerminal() {
        MAIL.user("carol@example.com", "app-password-2");
        UserId me = new UserId(7);

        String output = TerminalDriver.converse(router, me, "/integration add type:imap label:Carol", "carol@example.com",
                "app-password-2", "localhost", String.valueOf(MAIL.imapsPort()), "1");

        assertThat(output).contains("── Add IMAP mail: Carol ──", "✅ Carol is connected.",
                "Connected as carol@example.com: INBOX 0 messages (0 unread)").doesNotContain("app-password-2");
        assertThat(integrations.list(me)).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(IntegrationStatus.CONNECTED));
    }

    private static UserId id(FakeUser user) {
        return new UserId(user.id());
    }
}
