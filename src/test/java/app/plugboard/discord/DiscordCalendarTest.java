package app.plugboard.discord;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;

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
import app.plugboard.integration.calendar.CalDavSettings;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.integration.calendar.TestCalDavServer;
import app.plugboard.testsupport.DiscordTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Adding calendars through the real JDA client and a fake Discord, with the real calendar checks against a
 * feed server and a CalDAV server on loopback (reachable only because this test opens 127.0.0.1/32 in the
 * guard's allowed ranges, as an operator would).
 */
@DiscordTest(properties = "plugboard.network.allowed-ranges=127.0.0.1/32")
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Calendars in Discord, checked for real")
class DiscordCalendarTest {

    static final String TOKEN = "private-SECRET-TOKEN-4711";
    /** A calendar whose name and titles try markdown, a masked link, mentions and a right-to-left override. */
    static final String HOSTILE = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
            "X-WR-CALNAME:# **Free** @everyone", "BEGIN:VEVENT", "UID:hostile", "DTSTAMP:20260101T000000Z",
            "DTSTART:20260101T100000Z", "RRULE:FREQ=DAILY",
            "SUMMARY:[Click me](https://evil.example) <@123456789012345678> ||x|| \u202Eexe.gnp", "END:VEVENT", "END:VCALENDAR", "");
    static final LocalServer feeds = LocalServer.http()
            .on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics")))
            .on("/hostile", exchange -> LocalServer.send(exchange, 200, "text/calendar; charset=utf-8",
                    HOSTILE.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    static final TestCalDavServer dav = new TestCalDavServer();

    @Autowired
    FakeDiscord discord;
    @Autowired
    IntegrationService integrations;

    FakeUser alice;

    @AfterAll
    static void stopServers() {
        feeds.close();
        dav.close();
    }

    @Test
    @DisplayName("a feed: the form, the real fetch and parse, the preview, stored encrypted; the address is never logged")
    void feed(CapturedOutput output) {
        Callback form = discord.slash(alice, "integration", "add", options("type", "calendar", "label", "Family")).awaitCallback();
        String address = "http://127.0.0.1:" + feeds.port() + "/calendar/ical/" + TOKEN + "/basic.ics";

        FakeInteraction submit = discord.modalSubmit(alice, form.customId(), Map.of("address", address),
                Map.of("source", List.of("feed")));

        assertThat(submit.awaitCallback().content()).isEqualTo("Checking the connection…");
        JsonNode result = submit.awaitOriginalEdit(edit -> edit.path("content").asString("").contains("connected"));
        assertThat(result.path("content").asString()).startsWith("✅ Family is connected.\nFamilie Müller: 3 events");
        IntegrationView stored = only();
        assertThat(stored.status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(stored.summary()).isEqualTo("iCal feed http://127.0.0.1/...");
        assertThat(integrations.settings(id(alice), stored.id())).isEqualTo(new CalendarFeedSettings(Secret.of(address), null, null));
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("a calendar's name and titles are shown as plain text: no markdown, no masked link, no mention, no bidi override")
    void calendarTextIsPlain() {
        // GIVEN a feed whose name and event title are written to look like markup, a link and mentions
        Callback form = discord.slash(alice, "integration", "add", options("type", "calendar", "label", "Hostile")).awaitCallback();

        // WHEN Alice adds it
        FakeInteraction submit = discord.modalSubmit(alice, form.customId(),
                Map.of("address", "http://127.0.0.1:" + feeds.port() + "/hostile/" + TOKEN), Map.of("source", List.of("feed")));

        // THEN the message Discord receives shows that text escaped, and allows no mention at all
        JsonNode result = submit.awaitOriginalEdit(edit -> edit.path("content").asString("").contains("connected"));
        String content = result.path("content").asString();
        assertThat(content).startsWith("✅ Hostile is connected.\n\\# \\*\\*Free\\*\\* @\u200Beveryone: 1 event. Next:\n• ")
                .contains(" — \\[Click me\\](https://evil.example) \\<@123456789012345678> \\|\\|x\\|\\| exe.gnp\n")
                .doesNotContain("\u202E").doesNotContain("[Click me](").doesNotContain("@everyone");
        assertThat(result.path("allowed_mentions").path("parse").isArray()).as("allowed_mentions.parse sent").isTrue();
        assertThat(result.path("allowed_mentions").path("parse")).isEmpty();
        assertThat(only().status()).isEqualTo(IntegrationStatus.CONNECTED);
    }

    @Test
    @DisplayName("a CalDAV calendar's name in the list of integrations is plain text too")
    void calendarNameInTheList() {
        // GIVEN a stored CalDAV integration whose calendar the server named with markup and mentions
        String server = "http://127.0.0.1:" + dav.port();
        integrations.create(id(alice), "Cloud", new CalDavSettings(server, "alice", Secret.of(TestCalDavServer.PASSWORD),
                server + "/remote.php/dav/calendars/alice/personal/", "**Team** <@123456789012345678> @here"));

        // WHEN Alice lists her integrations
        FakeMessage shown = discord.slash(alice, "integration", "list", Map.of()).awaitMessage(m -> !m.embeds().isEmpty());

        // THEN the card shows the name escaped
        assertThat(shown.text()).contains("alice on http://127.0.0.1/... (\\*\\*Team\\*\\* \\<@123456789012345678> @\u200Bhere)")
                .doesNotContain("**Team**");
    }

    @Test
    @DisplayName("a refused feed is not saved and says why, with Try again")
    void refusedFeed() {
        Callback form = discord.slash(alice, "integration", "add", options("type", "calendar", "label", "Family")).awaitCallback();

        FakeInteraction submit = discord.modalSubmit(alice, form.customId(),
                Map.of("address", "http://127.0.0.2:" + feeds.port() + "/" + TOKEN), Map.of("source", List.of("feed")));

        JsonNode result = submit.awaitOriginalEdit(edit -> edit.path("content").asString("").contains("not saved"));
        assertThat(result.path("content").asString()).isEqualTo("❌ Family is not saved: Could not reach 127.0.0.2:"
                + feeds.port() + ": check the address, or try again later.");
        assertThat(integrations.list(id(alice))).isEmpty();
        // AND Try again opens the form again, without the address (it is a secret)
        FakeMessage refused = submit.message();
        Callback again = discord.button(alice, refused.button("Try again").path("custom_id").asString(), refused).awaitCallback();
        assertThat(again.type()).isEqualTo(Callback.MODAL);
        assertThat(again.data().toString()).doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("CalDAV: discovery, then a select of the calendars; the pick is checked and stored, nothing before")
    void caldav() {
        Callback form = discord.slash(alice, "integration", "add", options("type", "calendar", "label", "Cloud")).awaitCallback();
        String server = "http://127.0.0.1:" + dav.port();

        FakeInteraction submit = discord.modalSubmit(alice, form.customId(),
                Map.of("address", server, "username", "alice", "password", TestCalDavServer.PASSWORD),
                Map.of("source", List.of("caldav")));

        FakeMessage question = submit.awaitMessage(m -> !m.selectCustomIds().isEmpty());
        assertThat(question.content()).isEqualTo("📅 The account at http://127.0.0.1:" + dav.port()
                + "/... has 2 calendars.\nWhich one should Cloud use? Nothing is saved until you pick.");
        String select = question.selectCustomIds().get(0);
        assertThat(question.selectOptionValues(select)).containsExactly("0", "1", "2");
        assertThat(question.component(select).orElseThrow().toString()).contains("\"label\":\"Personal\"", "\"label\":\"Work 💼\"",
                "\"label\":\"All calendars\"");
        assertThat(integrations.list(id(alice))).isEmpty();

        // WHEN she picks Personal THEN it is checked and stored with that calendar
        FakeInteraction pick = discord.select(alice, select, List.of("0"), question);
        FakeMessage done = pick.awaitMessage(m -> m.content().contains("connected"));
        assertThat(done.content()).startsWith("✅ Cloud is connected.\nPersonal: 2 events in the coming year.");
        IntegrationView stored = only();
        assertThat(stored.summary()).isEqualTo("alice on http://127.0.0.1/... (Personal)");
        assertThat(integrations.settings(id(alice), stored.id())).isEqualTo(new CalDavSettings(server, "alice",
                Secret.of(TestCalDavServer.PASSWORD), server + "/remote.php/dav/calendars/alice/personal/", "Personal"));
    }

    @Test
    @DisplayName("CalDAV with a wrong password: nothing saved, the password named")
    void wrongPassword() {
        Callback form = discord.slash(alice, "integration", "add", options("type", "calendar", "label", "Cloud")).awaitCallback();

        FakeInteraction submit = discord.modalSubmit(alice, form.customId(),
                Map.of("address", "http://127.0.0.1:" + dav.port(), "username", "alice", "password", "nope"),
                Map.of("source", List.of("caldav")));

        JsonNode result = submit.awaitOriginalEdit(edit -> edit.path("content").asString("").contains("not saved"));
        assertThat(result.path("content").asString()).contains("refused the username and password");
        assertThat(integrations.list(id(alice))).isEmpty();
    }

    private static UserId id(FakeUser user) {
        return new UserId(user.id());
    }

    private IntegrationView only() {
        List<IntegrationView> all = integrations.list(id(alice));
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
