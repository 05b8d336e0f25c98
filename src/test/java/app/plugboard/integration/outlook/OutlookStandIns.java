package app.plugboard.integration.outlook;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One Microsoft stand-in and one Outlook mail stand-in per test JVM, and the properties that point a
 * Plugboard at them (Microsoft's {@code common} endpoints, the tenant-shaped issuer, Outlook's IMAP and SMTP
 * on loopback, which the test allows the mail guard to reach). Tests reset them before each test.
 */
public final class OutlookStandIns {

    public static final String CLIENT_ID = "6f1c2b7e-0000-4000-8000-plugboard-test";
    public static final String CLIENT_SECRET = "test-microsoft-secret";

    private static volatile MicrosoftStandIn microsoft;
    private static volatile OutlookMailStandIn mail;

    private OutlookStandIns() {
    }

    public static synchronized MicrosoftStandIn microsoft() {
        if (microsoft == null) {
            microsoft = MicrosoftStandIn.start();
            microsoft.onAccessToken((address, token) -> mail().accept(address, token));
        }
        return microsoft;
    }

    public static synchronized OutlookMailStandIn mail() {
        if (mail == null) {
            mail = OutlookMailStandIn.start();
        }
        return mail;
    }

    /** Microsoft sign-in against the stand-ins, tenant {@code common}; the mail servers on loopback. */
    public static void register(DynamicPropertyRegistry registry) {
        MicrosoftStandIn microsoft = microsoft();
        registry.add("plugboard.outlook.microsoft.client-id", () -> CLIENT_ID);
        registry.add("plugboard.outlook.microsoft.client-secret", () -> CLIENT_SECRET);
        registry.add("plugboard.outlook.microsoft.authorization-uri", () -> microsoft.template("authorize"));
        registry.add("plugboard.outlook.microsoft.token-uri", () -> microsoft.template("token"));
        registry.add("plugboard.outlook.microsoft.jwk-set-uri", () -> microsoft.template("jwks"));
        registry.add("plugboard.outlook.microsoft.issuer", microsoft::issuerTemplate);
        registry.add("plugboard.outlook.imap-host", () -> "localhost");
        registry.add("plugboard.outlook.imap-port", () -> mail().imapPort());
        registry.add("plugboard.outlook.smtp-host", () -> "localhost");
        registry.add("plugboard.outlook.smtp-port", () -> mail().smtpPort());
        // MailAccess goes through the guard that refuses private addresses: the stand-ins are on loopback
        registry.add("plugboard.network.allowed-ranges", () -> "127.0.0.1/32");
    }
}
