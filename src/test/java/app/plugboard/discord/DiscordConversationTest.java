package app.plugboard.discord;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandGroup;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeMessage;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.SampleSettings;
import app.plugboard.testsupport.ScriptedProbes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The whole conversation through the real JDA client, logged in to a fake Discord on loopback.
 * Every test also checks that Discord's own rules held: no late or double acknowledgement ({@link DiscordTest}).
 */
@DiscordTest
@Import({ScriptedProbes.class, DiscordConversationTest.Explosive.class})
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("The conversation in Discord")
class DiscordConversationTest {

    /** A subcommand whose handler fails unexpectedly, to see what the person gets. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Explosive {
        @Bean
        CommandGroup explosiveGroup() {
            return new CommandGroup("explode", "Fails on purpose (tests only)");
        }

        @Bean
        CommandHandler quickly() {
            return handler("quickly", event -> Response.later(() -> Message.text("done at once")));
        }

        @Bean
        CommandHandler slowly() {
            return handler("slowly", event -> Response.later(() -> {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Message.text("done slowly");
            }));
        }

        private static CommandHandler handler(String name, java.util.function.Function<ChatEvent.Command, Response> answer) {
            return new CommandHandler() {
                @Override
                public String command() {
                    return "explode";
                }

                @Override
                public CommandSpec.Subcommand spec() {
                    return CommandSpec.Subcommand.of(name, "Answers " + name);
                }

                @Override
                public Response handle(ChatEvent.Command event) {
                    return answer.apply(event);
                }
            };
        }

        @Bean
        CommandHandler explosive() {
            return new CommandHandler() {
                @Override
                public String command() {
                    return "explode";
                }

                @Override
                public CommandSpec.Subcommand spec() {
                    return CommandSpec.Subcommand.of("now", "Throws");
                }

                @Override
                public Response handle(ChatEvent.Command event) {
                    throw new IllegalStateException("connection to 10.0.0.7:5432 refused; password=hunter2");
                }
            };
        }
    }

    @Autowired
    FakeDiscord discord;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;

    FakeUser alice;
    FakeUser bob;

    @Test
    @DisplayName("the commands are registered, usable in servers and in DMs, with autocomplete where it helps")
    void registered() {
        JsonNode integration = discord.registeredCommand("integration").orElseThrow();

        assertThat(integration.path("contexts").toString()).contains("0").contains("1");
        assertThat(integration.path("options").toString())
                .contains("\"name\":\"add\"", "\"name\":\"list\"", "\"name\":\"edit\"", "\"name\":\"check\"",
                        "\"name\":\"delete\"", "\"name\":\"help\"", "\"autocomplete\":true");
    }

    @Test
    @DisplayName("opens the type's form; the submit is acknowledged at once, checked, stored and the result edited in")
    void addsImap() {
        // WHEN Alice runs /integration add type:imap label:Work mail
        Callback form = discord.slash(alice, "integration", "add", options("type", "imap", "label", "Work mail")).awaitCallback();

        // THEN a modal opens with the IMAP fields, security as a select
        assertThat(form.type()).isEqualTo(Callback.MODAL);
        assertThat(form.data().path("title").asString()).isEqualTo("Add IMAP mail: Work mail");
        assertThat(inputs(form)).containsOnlyKeys("username", "password", "server", "port", "security");
        assertThat(form.data().toString()).contains("\"type\":18").contains("\"type\":3");

        // WHEN she submits it
        FakeInteraction submit = discord.modalSubmit(alice, form.customId(),
                Map.of("username", "alice@example.com", "password", "s3cret", "server", "imap.example.com", "port", "993"),
                Map.of("security", List.of("IMPLICIT_TLS")));

        // THEN the first answer is an ephemeral "checking" reply, then the result is edited in
        Callback first = submit.awaitCallback();
        assertThat(first.type()).isEqualTo(Callback.REPLY);
        assertThat(first.ephemeral()).isTrue();
        assertThat(first.content()).isEqualTo("Checking the connection…");
        JsonNode result = submit.awaitOriginalEdit(edit -> edit.path("content").asString("").contains("connected"));
        assertThat(result.path("content").asString())
                .contains("✅ Work mail is connected.", "Connected as alice@example.com: INBOX 1,234 messages");
        // AND it is stored, connected, with the typed values
        IntegrationView stored = only(alice);
        assertThat(stored.status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(integrations.settings(id(alice), stored.id())).isEqualTo(new ImapSettings("alice@example.com",
                Secret.of("s3cret"), "imap.example.com", 993, ImapSecurity.IMPLICIT_TLS, null, null));
    }

    @Test
    @DisplayName("a value that cannot be used is named; Try again reopens the form prefilled except the password")
    void retryPrefilled() {
        Callback form = discord.slash(alice, "integration", "add", options("type", "imap", "label", "Work mail")).awaitCallback();
        FakeInteraction submit = discord.modalSubmit(alice, form.customId(),
                Map.of("username", "alice@example.com", "password", "s3cret", "server", "imap.example.com", "port", "99x"),
                Map.of("security", List.of("STARTTLS")));

        Callback refused = submit.awaitCallback();
        assertThat(refused.type()).isEqualTo(Callback.REPLY);
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).contains("Port must be a number (993 with implicit TLS, 143 with STARTTLS).");
        assertThat(integrations.list(id(alice))).isEmpty();

        // WHEN she clicks Try again THEN the same form opens with what she typed, but no password
        Callback again = discord.button(alice, submit.message().button("Try again").path("custom_id").asString(),
                submit.message()).awaitCallback();
        assertThat(again.type()).isEqualTo(Callback.MODAL);
        assertThat(inputs(again)).containsEntry("username", "alice@example.com").containsEntry("server", "imap.example.com")
                .containsEntry("port", "99x").containsEntry("password", "").containsEntry("security", "STARTTLS");
    }

    @Test
    @DisplayName("a refused login saves nothing and says which field to fix")
    void refusedLogin() {
        Callback form = discord.slash(alice, "integration", "add", options("type", "imap", "label", "Work mail")).awaitCallback();
        FakeInteraction submit = discord.modalSubmit(alice, form.customId(),
                Map.of("username", "alice@example.com", "password", ScriptedProbes.WRONG_PASSWORD, "server", "imap.example.com",
                        "port", "993"), Map.of("security", List.of("IMPLICIT_TLS")));

        JsonNode result = submit.awaitOriginalEdit(edit -> edit.path("content").asString("").contains("not saved"));
        assertThat(result.path("content").asString())
                .contains("❌ Work mail is not saved: The server refused the login: check the username and password.");
        assertThat(submit.message().buttons()).extracting(button -> button.path("label").asString()).containsExactly("Try again");
        assertThat(integrations.list(id(alice))).isEmpty();
    }

    @Test
    @DisplayName("the type option filters as one types; Gmail answers with how to connect instead of a form")
    void typesAndGmail() {
        Callback suggestions = discord.autocomplete(alice, "integration", "add", options("type", "cal", "label", "x"), "type")
                .awaitCallback();
        assertThat(suggestions.type()).isEqualTo(Callback.AUTOCOMPLETE_RESULT);
        assertThat(suggestions.choiceValues()).containsExactly("calendar");
        assertThat(suggestions.choiceNames().get(0)).startsWith("Calendar — ");

        FakeInteraction gmail = discord.slash(alice, "integration", "add", options("type", "gmail", "label", "Mail"));
        assertThat(gmail.awaitCallback().type()).isIn(Callback.REPLY, Callback.DEFERRED_REPLY);
        assertThat(gmail.awaitCallback().ephemeral()).isTrue();
        assertThat(gmail.awaitMessage(m -> !m.content().isEmpty()).content()).contains("Gmail sign-in is not set up on this Plugboard");
    }

    @Test
    @DisplayName("works in a direct message with the bot too")
    void inDm() {
        Callback form = discord.slashInDm(alice, "integration", "add", options("type", "calendar", "label", "Family"))
                .awaitCallback();
        FakeInteraction submit = discord.modalSubmit(alice, form.customId(),
                Map.of("address", "webcal://calendar.example.com/family.ics"), Map.of("source", List.of("feed")));

        submit.awaitOriginalEdit(edit -> edit.path("content").asString("").contains("connected"));
        assertThat(integrations.settings(id(alice), only(alice).id()))
                .isEqualTo(new CalendarFeedSettings(Secret.of("https://calendar.example.com/family.ics"), null, null));
    }

    @Test
    @DisplayName("an ephemeral card with label, type, status, reason, last check and use; pick one for Edit, Check now, Delete")
    void listAndPick() {
        IntegrationView work = integrations.create(id(alice), "Work mail", SampleSettings.imap("pw"));
        integrations.recordCheck(id(alice), work.id(), IntegrationStatus.ERROR, "The server refused the login.");
        integrations.create(id(alice), "Family", SampleSettings.feed("tok"));
        integrations.create(id(bob), "Bob's mail", SampleSettings.imap("pw"));

        FakeInteraction list = discord.slash(alice, "integration", "list", Map.of());

        assertThat(list.awaitCallback().type()).isIn(Callback.REPLY, Callback.DEFERRED_REPLY);
        assertThat(list.awaitCallback().ephemeral()).isTrue();
        FakeMessage shown = list.awaitMessage(m -> !m.embeds().isEmpty());
        assertThat(shown.text()).contains("Your integrations (2)", "🔴 Work mail", "IMAP mail · error · checked just now",
                "used by no workflow", "The server refused the login.", "⚪ Family").doesNotContain("Bob's mail");
        assertThat(shown.embeds().get(0).path("color").asInt()).isEqualTo(0xED4245);

        // WHEN she picks Work mail THEN the same message shows it, with its actions
        FakeInteraction pick = discord.select(alice, shown.selectCustomIds().get(0), List.of(work.id().toString()), shown);
        assertThat(pick.awaitCallback().type()).isIn(Callback.UPDATE_MESSAGE, Callback.DEFERRED_UPDATE);
        FakeMessage detail = pick.awaitMessage(m -> m.text().contains("Last checked"));
        assertThat(detail.id()).isEqualTo(shown.id());
        assertThat(detail.buttons()).extracting(b -> b.path("label").asString())
                .containsExactly("Edit", "Check now", "Delete", "All integrations");
    }

    @Test
    @DisplayName("more than 25 page with Previous and Next, within Discord's limits")
    void paging() {
        for (int i = 1; i <= 30; i++) {
            integrations.create(id(alice), String.format("Mailbox %02d", i), SampleSettings.imap("pw"));
        }

        FakeInteraction list = discord.slash(alice, "integration", "list", Map.of());
        FakeMessage first = list.awaitMessage(m -> !m.embeds().isEmpty());

        assertThat(first.text()).contains("Your integrations (30) · page 1 of 2", "Mailbox 25").doesNotContain("Mailbox 26");
        assertThat(first.selectOptionValues(first.selectCustomIds().get(0))).hasSize(25);
        assertThat(first.button("◀ Previous").path("disabled").asBoolean()).isTrue();
        assertThat(embedLength(first)).isLessThanOrEqualTo(6000);

        FakeInteraction next = discord.button(alice, first.button("Next ▶").path("custom_id").asString(), first);
        FakeMessage second = next.awaitMessage(m -> m.text().contains("page 2 of 2"));
        assertThat(second.text()).contains("Mailbox 26", "Mailbox 30").doesNotContain("Mailbox 01");
        assertThat(second.selectOptionValues(second.selectCustomIds().get(0))).hasSize(5);
        assertThat(second.button("Next ▶").path("disabled").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("rename: a form prefilled with the label; the new label is stored")
    void rename() {
        integrations.create(id(alice), "Work mail", SampleSettings.imap("pw"));
        FakeMessage choices = editChoices(alice, "Work mail");
        assertThat(choices.buttons()).extracting(b -> b.path("label").asString())
                .containsExactly("Rename", "Replace credentials", "Sending mail", "Check now", "Mute alerts");

        Callback form = discord.button(alice, choices.button("Rename").path("custom_id").asString(), choices).awaitCallback();
        assertThat(form.type()).isEqualTo(Callback.MODAL);
        assertThat(inputs(form)).containsEntry("label", "Work mail");
        FakeInteraction submit = discord.modalSubmit(alice, form.customId(), Map.of("label", "Office mail"), Map.of());

        assertThat(submit.awaitMessage(m -> m.content().contains("Renamed")).content())
                .isEqualTo("✏️ Renamed Work mail to Office mail.");
        assertThat(only(alice).label()).isEqualTo("Office mail");
    }

    @Test
    @DisplayName("replace credentials: empty password keeps the stored one; new ones replace the old only once they connect")
    void replaceCredentials() {
        IntegrationView work = integrations.create(id(alice), "Work mail", SampleSettings.imap("old-pw"));
        FakeMessage choices = editChoices(alice, "Work mail");
        Callback form = discord.button(alice, choices.button("Replace credentials").path("custom_id").asString(), choices)
                .awaitCallback();
        assertThat(inputs(form)).containsEntry("username", "alice@example.com").containsEntry("password", "")
                .containsEntry("server", "imap.example.com");

        // WHEN she submits a password that the server refuses THEN nothing changes
        FakeInteraction wrong = discord.modalSubmit(alice, form.customId(), Map.of("username", "alice@example.com",
                "password", ScriptedProbes.WRONG_PASSWORD, "server", "imap.example.com", "port", "993"),
                Map.of("security", List.of("IMPLICIT_TLS")));
        assertThat(wrong.awaitMessage(m -> m.content().contains("Nothing was changed")).content())
                .contains("Work mail keeps its current settings");
        assertThat(((ImapSettings) integrations.settings(id(alice), work.id())).password()).isEqualTo(Secret.of("old-pw"));

        // WHEN she tries again with another login on the same server and the password left empty THEN the stored password stays
        Callback again = discord.button(alice, wrong.message().button("Try again").path("custom_id").asString(),
                wrong.message()).awaitCallback();
        FakeInteraction right = discord.modalSubmit(alice, again.customId(), Map.of("username", "alice.work@example.com",
                "password", "", "server", "imap.example.com", "port", "993"), Map.of("security", List.of("IMPLICIT_TLS")));
        assertThat(right.awaitMessage(m -> m.content().contains("Updated")).content()).contains("✅ Updated Work mail.");
        ImapSettings stored = (ImapSettings) integrations.settings(id(alice), work.id());
        assertThat(stored.username()).isEqualTo("alice.work@example.com");
        assertThat(stored.password()).isEqualTo(Secret.of("old-pw"));
    }

    @Test
    @DisplayName("change URL of a calendar feed: the old address is never shown, the new one is stored")
    void changeUrl() {
        IntegrationView family = integrations.create(id(alice), "Family", SampleSettings.feed("old-token"));
        FakeMessage choices = editChoices(alice, "Family");
        assertThat(choices.buttons()).extracting(b -> b.path("label").asString())
                .containsExactly("Rename", "Change URL", "Check now", "Mute alerts");

        Callback form = discord.button(alice, choices.button("Change URL").path("custom_id").asString(), choices).awaitCallback();
        assertThat(form.data().toString()).doesNotContain("old-token");
        assertThat(inputs(form)).containsEntry("address", "").containsEntry("username", "alice").containsEntry("password", "");
        // the person pastes the new address and leaves the rest as shown
        Map<String, String> typed = new HashMap<>(inputs(form));
        typed.put("address", "https://calendar.google.com/calendar/ical/alice/new-token/basic.ics");
        FakeInteraction submit = discord.modalSubmit(alice, form.customId(), typed, Map.of());

        // (on the same server, so the stored password goes with it)
        submit.awaitMessage(m -> m.content().contains("Updated"));
        assertThat(integrations.settings(id(alice), family.id())).isEqualTo(new CalendarFeedSettings(
                Secret.of("https://calendar.google.com/calendar/ical/alice/new-token/basic.ics"), "alice",
                Secret.of("old-token-feedpass")));
    }

    @Test
    @DisplayName("a label with an invisible formatting character (a right-to-left override) is refused when adding and renaming; nothing is stored")
    void labelWithFormattingCharacter() {
        // WHEN Alice adds an integration whose label starts with U+202E (it reverses how the rest of the line reads)
        Callback refused = discord.slash(alice, "integration", "add", options("type", "imap", "label", "\u202Eliam kroW"))
                .awaitCallback();

        // THEN she is told which field and what to do, no form opens, and nothing is stored
        assertThat(refused.type()).isEqualTo(Callback.REPLY);
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).contains("Label contains an invisible formatting character (such as a "
                + "right-to-left override): type it again without it.");
        assertThat(jdbc.queryForObject("select count(*) from integration", Integer.class)).isZero();

        // GIVEN an integration WHEN she renames it to a label with a zero-width space
        integrations.create(id(alice), "Work mail", SampleSettings.imap("pw"));
        FakeMessage choices = editChoices(alice, "Work mail");
        Callback form = discord.button(alice, choices.button("Rename").path("custom_id").asString(), choices).awaitCallback();
        FakeInteraction submit = discord.modalSubmit(alice, form.customId(), Map.of("label", "Office\u200Bmail"), Map.of());

        // THEN the rename is refused the same way, and the stored label is unchanged
        assertThat(submit.awaitMessage(m -> m.content().contains("formatting character")).content())
                .contains("Label contains an invisible formatting character");
        assertThat(jdbc.queryForList("select label from integration", String.class)).containsExactly("Work mail");
    }

    @Test
    @DisplayName("re-authenticate is what Gmail offers")
    void reauthenticate() {
        integrations.create(id(alice), "Gmail", SampleSettings.gmail("tok"));
        FakeMessage choices = editChoices(alice, "Gmail");

        FakeInteraction answer = discord.button(alice, choices.button("Re-authenticate").path("custom_id").asString(), choices);

        assertThat(answer.awaitCallback().type()).isIn(Callback.REPLY, Callback.DEFERRED_REPLY);
        assertThat(answer.awaitCallback().ephemeral()).isTrue();
        assertThat(answer.awaitMessage(m -> !m.content().isEmpty()).content()).contains("Gmail sign-in is not set up");
    }

    @Test
    @DisplayName("check: acknowledged at once, then the fresh status is shown and stored")
    void check() {
        IntegrationView work = integrations.create(id(alice), "Work mail", SampleSettings.imap("pw"));

        FakeInteraction check = discord.slash(alice, "integration", "check", options("integration", work.id().toString()));

        assertThat(check.awaitCallback().content()).isEqualTo("Checking the connection…");
        assertThat(check.awaitMessage(m -> m.text().contains("Checked just now")).text())
                .contains("✅ Checked just now: Connected as alice@example.com", "🟢 Work mail");
        assertThat(only(alice).status()).isEqualTo(IntegrationStatus.CONNECTED);
    }

    @Test
    @DisplayName("asks first; cancel keeps it")
    void cancel() {
        IntegrationView work = integrations.create(id(alice), "Work mail", SampleSettings.imap("pw"));
        FakeMessage prompt = discord.slash(alice, "integration", "delete", options("integration", work.id().toString()))
                .awaitMessage(m -> !m.embeds().isEmpty());
        assertThat(prompt.text()).contains("Delete Work mail?", "It cannot be undone.");
        assertThat(prompt.button("Delete").path("style").asInt()).isEqualTo(4);

        FakeInteraction cancel = discord.button(alice, prompt.button("Cancel").path("custom_id").asString(), prompt);

        assertThat(cancel.awaitCallback().type()).isEqualTo(Callback.UPDATE_MESSAGE);
        assertThat(cancel.awaitMessage(m -> m.content().contains("Nothing")).content()).isEqualTo("Nothing was deleted.");
        assertThat(integrations.list(id(alice))).containsExactly(work);
    }

    @Test
    @DisplayName("confirm deletes it and says so after the commit")
    void confirm() {
        IntegrationView work = integrations.create(id(alice), "Work mail", SampleSettings.imap("pw"));
        FakeMessage prompt = discord.slash(alice, "integration", "delete", options("integration", work.id().toString()))
                .awaitMessage(m -> !m.embeds().isEmpty());

        FakeInteraction confirm = discord.button(alice, prompt.button("Delete").path("custom_id").asString(), prompt);

        assertThat(confirm.awaitMessage(m -> m.content().contains("Deleted")).content()).isEqualTo("🗑️ Deleted Work mail.");
        assertThat(integrations.list(id(alice))).isEmpty();
    }

    @Test
    @DisplayName("autocomplete offers only the caller's own integrations")
    void autocompleteOwnOnly() {
        integrations.create(id(alice), "Work mail", SampleSettings.imap("pw"));
        integrations.create(id(bob), "Bob's work", SampleSettings.imap("pw"));

        Callback offered = discord.autocomplete(alice, "integration", "check", options("integration", "wo"), "integration")
                .awaitCallback();

        assertThat(offered.choiceNames()).containsExactly("Work mail · IMAP mail");
    }

    @Test
    @DisplayName("a click naming someone else's integration is refused and changes nothing")
    void foreignClick() {
        IntegrationView alices = integrations.create(id(alice), "Work mail", SampleSettings.imap("pw"));
        FakeMessage bobsOwn = discord.slash(bob, "integration", "help", Map.of()).message();

        FakeInteraction forged = discord.forgedButton(bob, "int:del-ok:" + alices.id() + ":" + alices.version(), bobsOwn);

        Callback answer = forged.awaitCallback();
        FakeMessage shown = forged.awaitMessage(m -> m.content().contains("expired"));
        assertThat(answer.type()).isIn(Callback.DEFERRED_UPDATE, Callback.REPLY);
        assertThat(shown.content()).isEqualTo("This has expired. Run the command again.");
        assertThat(integrations.get(id(alice), alices.id())).isEqualTo(alices);
    }

    @Test
    @DisplayName("an expired button is answered politely")
    void expired() {
        FakeMessage own = discord.slash(alice, "integration", "help", Map.of()).message();

        Callback answer = discord.forgedButton(alice, "int:retry:gone-draft-token", own).awaitCallback();

        assertThat(answer.type()).isEqualTo(Callback.REPLY);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("This has expired. Run the command again.");
    }

    @Test
    @DisplayName("a handler that throws still answers, with a reference and no exception text")
    void unexpectedFailure(CapturedOutput output) {
        Callback answer = discord.slash(alice, "explode", "now", Map.of()).awaitCallback();

        assertThat(answer.type()).isEqualTo(Callback.REPLY);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).startsWith("Something went wrong on our side, sorry. Reference: ")
                .doesNotContain("IllegalStateException").doesNotContain("10.0.0.7").doesNotContain("hunter2");
        String reference = answer.content().replaceAll(".*Reference: ([A-Z0-9]{8}).*", "$1");
        assertThat(output.getOut()).contains("[ref " + reference + "]");
    }

    @Test
    @DisplayName("slow work that is done at once is the answer itself: one ephemeral reply, nothing deferred")
    void quickWorkAnswersAtOnce() {
        FakeInteraction quick = discord.slash(alice, "explode", "quickly", Map.of());

        Callback answer = quick.awaitCallback();
        assertThat(answer.type()).isEqualTo(Callback.REPLY);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("done at once");
        assertThat(quick.originalEdits()).isEmpty();
    }

    @Test
    @DisplayName("slow work that takes longer is deferred in time (ephemeral), and its result edited in")
    void slowWorkIsDeferred() {
        FakeInteraction slow = discord.slash(alice, "explode", "slowly", Map.of());

        Callback first = slow.awaitCallback();
        assertThat(first.type()).isEqualTo(Callback.DEFERRED_REPLY);
        assertThat(first.ephemeral()).isTrue();
        assertThat(slow.timeToFirstCallback()).isLessThan(java.time.Duration.ofMillis(900));
        assertThat(slow.awaitOriginalEdit().path("content").asString()).isEqualTo("done slowly");
    }

    @Test
    @DisplayName("help is a short ephemeral text")
    void help() {
        Callback answer = discord.slash(alice, "integration", "help", Map.of()).awaitCallback();

        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).startsWith("**/integration** connects the services your assistant uses");
    }

    private FakeMessage editChoices(FakeUser user, String label) {
        IntegrationView integration = integrations.list(id(user)).stream()
                .filter(i -> i.label().equals(label)).findFirst().orElseThrow();
        return discord.slash(user, "integration", "edit", options("integration", integration.id().toString()))
                .awaitMessage(m -> m.content().startsWith("What would you like to change"));
    }

    private static UserId id(FakeUser user) {
        return new UserId(user.id());
    }

    private IntegrationView only(FakeUser user) {
        List<IntegrationView> all = integrations.list(id(user));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** A modal's inputs by custom id, with their prefilled value (selects: the default option). */
    private static Map<String, String> inputs(Callback modal) {
        Map<String, String> inputs = new HashMap<>();
        collect(modal.data().path("components"), inputs);
        return inputs;
    }

    private static void collect(JsonNode node, Map<String, String> inputs) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, inputs));
            return;
        }
        if (node.has("custom_id") && node.path("type").asInt() == 4) {
            inputs.put(node.path("custom_id").asString(), node.path("value").asString(""));
        } else if (node.has("custom_id") && node.path("type").asInt() == 3) {
            String chosen = "";
            for (JsonNode option : node.path("options")) {
                if (option.path("default").asBoolean(false)) {
                    chosen = option.path("value").asString();
                }
            }
            inputs.put(node.path("custom_id").asString(), chosen);
        }
        if (node.has("component")) {
            collect(node.path("component"), inputs);
        }
        if (node.has("components")) {
            collect(node.path("components"), inputs);
        }
    }

    private static int embedLength(FakeMessage message) {
        int length = 0;
        for (JsonNode embed : message.embeds()) {
            length += embed.path("title").asString("").length() + embed.path("description").asString("").length()
                    + embed.path("footer").path("text").asString("").length();
            for (JsonNode field : embed.path("fields")) {
                length += field.path("name").asString("").length() + field.path("value").asString("").length();
            }
        }
        return length;
    }
}
