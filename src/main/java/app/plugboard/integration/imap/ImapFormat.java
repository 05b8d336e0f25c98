package app.plugboard.integration.imap;

import app.plugboard.integration.SettingsFormat;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.StoredSettings;
import java.util.Map;
import org.springframework.stereotype.Component;

/** How {@link ImapSettings} are stored. The stored names never change: rows written by earlier versions read back. */
@Component
class ImapFormat implements SettingsFormat<ImapSettings> {

    private static final String USERNAME = "username";
    private static final String SERVER = "server";
    private static final String PORT = "port";
    /** {@link ImapSecurity}'s name. */
    private static final String SECURITY = "security";
    private static final String SMTP_SERVER = "smtpServer";
    private static final String SMTP_PORT = "smtpPort";
    private static final String PASSWORD = "password";

    @Override
    public SettingsKind kind() {
        return ImapType.KIND;
    }

    @Override
    public Class<ImapSettings> settingsType() {
        return ImapSettings.class;
    }

    @Override
    public StoredSettings write(ImapSettings settings) {
        return StoredSettings.builder()
                .plain(USERNAME, settings.username())
                .plain(SERVER, settings.server())
                .plain(PORT, settings.port())
                .plain(SECURITY, settings.security() == null ? null : settings.security().name())
                .plain(SMTP_SERVER, settings.smtpServer())
                .plain(SMTP_PORT, settings.smtpPort())
                .secret(PASSWORD, settings.password())
                .build();
    }

    @Override
    public ImapSettings read(StoredSettings stored) {
        return new ImapSettings(
                stored.requiredPlain(USERNAME),
                stored.requiredSecret(PASSWORD),
                stored.requiredPlain(SERVER),
                stored.plainInt(PORT),
                ImapSecurity.valueOf(stored.requiredPlain(SECURITY)),
                stored.plain(SMTP_SERVER),
                stored.plainInt(SMTP_PORT));
    }

    /** {@code alice@example.com on imap.example.com:993}. */
    @Override
    public String summary(Map<String, String> plain) {
        return plain.getOrDefault(USERNAME, "?") + " on " + plain.getOrDefault(SERVER, "?") + ":" + plain.getOrDefault(PORT, "?");
    }
}
