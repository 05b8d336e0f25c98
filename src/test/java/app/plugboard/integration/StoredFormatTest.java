package app.plugboard.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.plugboard.common.UserId;
import app.plugboard.crypto.SecretCipher;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.SampleSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is stored outlives the code that wrote it: rows written before the types became packages of their
 * own read back exactly, and what is written now is what was written then. The stored names below are
 * literals on purpose: they are pinned, whatever the forms or the settings records call their fields.
 */
@SpringBootTest
@CleanDatabase
@DisplayName("Stored integrations: the format of every kind is pinned, and rows of earlier versions read back")
class StoredFormatTest {

    static final UserId ALICE = new UserId(444_444_444_444_444_444L);
    static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    IntegrationService integrations;
    @Autowired
    SecretCipher cipher;
    @Autowired
    JdbcTemplate jdbc;

    /**
     * Each kind as Plugboard stored it before this change (taken from a row the earlier version wrote): the
     * {@code integration.type} column, the plain settings (jsonb), the encrypted secrets' JSON, and what
     * they read back as.
     */
    static Stream<Arguments> asStoredBefore() {
        return Stream.of(
                arguments("IMAP",
                        "{\"kind\": \"IMAP\", \"port\": \"993\", \"server\": \"imap.example.com\", \"security\": \"IMPLICIT_TLS\", "
                                + "\"smtpPort\": \"465\", \"username\": \"alice@example.com\", \"smtpServer\": \"smtp.example.com\"}",
                        "{\"password\":\"pw\"}",
                        SampleSettings.imap("pw"), "IMAP mail", "IMAP", "alice@example.com on imap.example.com:993"),
                arguments("GMAIL",
                        "{\"kind\": \"GMAIL\", \"googleAddress\": \"alice@gmail.com\", "
                                + "\"grantedScopes\": \"email https://mail.google.com/ openid\", "
                                + "\"accessTokenExpiresAt\": \"2026-11-25T12:00:00Z\"}",
                        "{\"accessToken\":\"tok-access\",\"refreshToken\":\"tok-refresh\"}",
                        SampleSettings.gmail("tok"), "Gmail", "GMAIL", "alice@gmail.com"),
                arguments("OUTLOOK",
                        "{\"kind\": \"OUTLOOK\", \"address\": \"alice@outlook.com\", "
                                + "\"tenantId\": \"9188040d-6c67-4c5b-b112-36a304b66dad\", "
                                + "\"objectId\": \"00000000-0000-0000-66f3-3332eca7ea81\", "
                                + "\"grantedScopes\": \"https://outlook.office.com/IMAP.AccessAsUser.All "
                                + "https://outlook.office.com/SMTP.Send\", \"accessTokenExpiresAt\": \"2026-11-25T12:00:00Z\"}",
                        "{\"accessToken\":\"tok-access\",\"refreshToken\":\"tok-refresh\"}",
                        SampleSettings.outlook("tok"), "Outlook / Microsoft 365", "OUTLOOK", "alice@outlook.com (personal account)"),
                arguments("CALENDAR",
                        "{\"kind\": \"CALENDAR_FEED\", \"username\": \"alice\", \"displayUrl\": \"https://calendar.google.com/...\"}",
                        "{\"url\":\"https://calendar.google.com/calendar/ical/alice/private-tok/basic.ics\",\"password\":\"tok-feedpass\"}",
                        SampleSettings.feed("tok"), "Calendar", "CALENDAR_FEED", "iCal feed https://calendar.google.com/..."),
                arguments("CALENDAR",
                        "{\"kind\": \"CALDAV\", \"username\": \"alice\", \"serverUrl\": \"https://cloud.example.com/remote.php/dav\", "
                                + "\"calendarUrl\": \"https://cloud.example.com/remote.php/dav/calendars/alice/personal/\", "
                                + "\"calendarName\": \"Personal\"}",
                        "{\"password\":\"pw\"}",
                        SampleSettings.caldav("pw"), "Calendar", "CALDAV", "alice on https://cloud.example.com/... (Personal)"));
    }

    @ParameterizedTest(name = "{5}")
    @MethodSource("asStoredBefore")
    @DisplayName("a row written by the earlier version reads back: listed with its type and summary, its settings decrypted")
    void earlierRowsReadBack(String type, String plain, String secrets, IntegrationSettings settings, String displayName,
            String kind, String summary) {
        // GIVEN a row exactly as the earlier version wrote it, its secrets encrypted for that row
        IntegrationId id = insert(type, "Earlier", plain, secrets);

        // WHEN it is read through the service
        IntegrationView view = integrations.get(ALICE, id);

        // THEN it is of its type and kind, summarised from the plain part, and usable
        assertThat(view.type().id()).isEqualTo(type);
        assertThat(view.type().displayName()).isEqualTo(displayName);
        assertThat(view.kind().id()).isEqualTo(kind);
        assertThat(view.summary()).isEqualTo(summary);
        assertThat(view.known()).isTrue();
        // AND its settings are what was stored
        assertThat(integrations.settings(ALICE, id)).isEqualTo(settings);
    }

    @ParameterizedTest(name = "{5}")
    @MethodSource("asStoredBefore")
    @DisplayName("settings are stored now exactly as the earlier version stored them: same type, kind, names and values")
    void storedAsBefore(String type, String plain, String secrets, IntegrationSettings settings, String displayName,
            String kind) {
        // WHEN the settings are stored through the service
        IntegrationView created = integrations.create(ALICE, "Now", settings);

        // THEN the row holds the same type, the same plain JSON and, decrypted, the same secret JSON
        Map<String, Object> row = jdbc.queryForMap("select type, settings::text as plain, secrets from integration where id = ?",
                created.id().value());
        assertThat(row.get("type")).isEqualTo(type);
        assertThat(JSON.readValue((String) row.get("plain"), FIELDS)).isEqualTo(JSON.readValue(plain, FIELDS))
                .containsEntry("kind", kind);
        assertThat(JSON.readValue(cipher.decrypt((String) row.get("secrets"), context(created.id())), FIELDS))
                .isEqualTo(JSON.readValue(secrets, FIELDS));
    }

    @Test
    @DisplayName("a row of a type this Plugboard no longer knows is listed as such, cannot be read or checked, and can be deleted")
    void unknownTypeIsDeleteOnly() {
        // GIVEN a row of a type a later Plugboard no longer has (its package was removed), next to a known one
        IntegrationId gone = insert("LOTUS_NOTES", "Old mail", "{\"kind\": \"LOTUS_NOTES\", \"address\": \"alice@notes.example\"}",
                "{\"refreshToken\":\"tok\"}");
        integrations.create(ALICE, "Work mail", SampleSettings.imap("pw"));

        // WHEN the list is read
        // THEN both are listed; the unknown one says what it is and what can be done
        assertThat(integrations.list(ALICE)).extracting(IntegrationView::label).containsExactly("Old mail", "Work mail");
        IntegrationView view = integrations.get(ALICE, gone);
        assertThat(view.known()).isFalse();
        assertThat(view.type().id()).isEqualTo("LOTUS_NOTES");
        assertThat(view.type().displayName()).isEqualTo("Unknown type");
        assertThat(view.summary()).isEqualTo("This Plugboard no longer knows its type (LOTUS_NOTES): you can only delete it.");
        // AND its settings cannot be read (so not checked nor edited), with a message for the person
        assertThatThrownBy(() -> integrations.settings(ALICE, gone)).isInstanceOf(UnknownTypeException.class)
                .hasMessage("\"Old mail\" is of a type this Plugboard no longer knows, so it can't be checked or changed. "
                        + "You can only delete it.");

        // WHEN it is deleted
        integrations.delete(ALICE, gone, view.version());

        // THEN it is gone, and the other one stays
        assertThat(jdbc.queryForList("select label from integration", String.class)).containsExactly("Work mail");
    }

    private IntegrationId insert(String type, String label, String plain, String secrets) {
        IntegrationId id = IntegrationId.random();
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        jdbc.update("insert into integration (id, owner_id, type, label, status, settings, secrets, version, created_at, updated_at) "
                        + "values (?, ?, ?, ?, 'PENDING', ?::jsonb, ?, 0, ?, ?)",
                id.value(), ALICE.value(), type, label, plain, cipher.encrypt(secrets, context(id)),
                Timestamp.from(now), Timestamp.from(now));
        return id;
    }

    /** Where a row's secrets belong, as earlier versions bound them: owner and id. */
    private static String context(IntegrationId id) {
        return "integration/" + ALICE + "/" + id;
    }
}
