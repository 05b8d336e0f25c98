package app.plugboard.integration;

import static app.plugboard.testsupport.SampleSettings.caldav;
import static app.plugboard.testsupport.SampleSettings.feed;
import static app.plugboard.testsupport.SampleSettings.gmail;
import static app.plugboard.testsupport.SampleSettings.imap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.UserId;
import app.plugboard.crypto.SecretCipher;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.TestKeys;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@CleanDatabase
@DisplayName("Key rotation")
class SecretRotationTest {

    static final UserId ALICE = new UserId(444_444_444_444_444_444L);
    static final UserId BOB = new UserId(555_555_555_555_555_555L);

    @Autowired
    IntegrationRepository repository;
    @Autowired
    SettingsFormats formats;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("rows under the old key still decrypt; re-encryption moves all to the new key; then the old key can go")
    void rotation() {
        // GIVEN integrations stored while OTHER was the only key
        IntegrationService before = serviceWith(SecretCipher.ofBase64Keys(TestKeys.OTHER));
        List<IntegrationView> stored = List.of(
                before.create(ALICE, "Mail", imap("pw-1")),
                before.create(ALICE, "Gmail", gmail("tok-2")),
                before.create(BOB, "Feed", feed("tok-3")),
                before.create(BOB, "Dav", caldav("pw-4")));

        // WHEN CURRENT becomes the key and OTHER an old key
        SecretCipher rotated = SecretCipher.ofBase64Keys(TestKeys.CURRENT, TestKeys.OTHER);
        IntegrationService during = serviceWith(rotated);
        // THEN everything still decrypts
        assertThat(during.settings(ALICE, stored.get(0).id())).isEqualTo(imap("pw-1"));
        assertThat(during.settings(BOB, stored.get(3).id())).isEqualTo(caldav("pw-4"));
        assertThat(keyIdsInTable()).containsOnly(SecretCipher.ofBase64Keys(TestKeys.OTHER).currentKeyId());

        // WHEN the re-encrypt command runs
        SecretRotation.Report report = new SecretRotation(repository, new SettingsCodec(rotated, formats), transactions).reencryptAll();

        // THEN every row moved to the new key, with nothing else changed for the owners
        assertThat(report).isEqualTo(new SecretRotation.Report(4, 4, List.of()));
        assertThat(keyIdsInTable()).containsOnly(rotated.currentKeyId());
        // AND with the old key removed, everything still decrypts
        IntegrationService after = serviceWith(SecretCipher.ofBase64Keys(TestKeys.CURRENT));
        assertThat(after.settings(ALICE, stored.get(0).id())).isEqualTo(imap("pw-1"));
        assertThat(after.settings(ALICE, stored.get(1).id())).isEqualTo(gmail("tok-2"));
        assertThat(after.settings(BOB, stored.get(2).id())).isEqualTo(feed("tok-3"));
        assertThat(after.settings(BOB, stored.get(3).id())).isEqualTo(caldav("pw-4"));
        assertThat(after.get(ALICE, stored.get(0).id()).label()).isEqualTo("Mail");
        // AND a second run has nothing left to do
        assertThat(new SecretRotation(repository, new SettingsCodec(rotated, formats), transactions).reencryptAll())
                .isEqualTo(new SecretRotation.Report(4, 0, List.of()));
    }

    @Test
    @DisplayName("a row no configured key can read is reported and left as it is; the others move")
    void unreadableReported() {
        IntegrationView lost = serviceWith(SecretCipher.ofBase64Keys(TestKeys.OTHER)).create(ALICE, "Lost", imap("pw"));
        IntegrationView kept = serviceWith(SecretCipher.ofBase64Keys(TestKeys.CURRENT)).create(ALICE, "Kept", imap("pw"));
        SecretCipher withoutOther = SecretCipher.ofBase64Keys(TestKeys.CURRENT);
        String lostSecrets = secretsOf(lost);

        SecretRotation.Report report = new SecretRotation(repository, new SettingsCodec(withoutOther, formats), transactions).reencryptAll();

        assertThat(report).isEqualTo(new SecretRotation.Report(2, 0, List.of(lost.id())));
        assertThat(secretsOf(lost)).isEqualTo(lostSecrets);
        assertThat(serviceWith(withoutOther).settings(ALICE, kept.id())).isEqualTo(imap("pw"));
        assertThatThrownBy(() -> serviceWith(withoutOther).settings(ALICE, lost.id()))
                .isInstanceOf(UnreadableCredentialsException.class);
    }

    private IntegrationService serviceWith(SecretCipher cipher) {
        return new IntegrationService(repository, new SettingsCodec(cipher, formats), Clock.systemUTC(), event -> { }, transactions);
    }

    private List<String> keyIdsInTable() {
        return jdbc.queryForList("select split_part(secrets, '.', 2) from integration", String.class);
    }

    private String secretsOf(IntegrationView view) {
        return jdbc.queryForObject("select secrets from integration where id = ?", String.class, view.id().value());
    }
}
