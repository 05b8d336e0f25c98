package app.plugboard.integration.gmail;

import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Message;
import app.plugboard.chat.UserNames;
import app.plugboard.common.RandomTokens;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.chat.SignInLink;
import app.plugboard.integration.signin.SignInPaths;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * How Gmail is connected: no form, a sign-in at Google. Answers {@code add type:gmail} and "Re-authenticate"
 * with a link to our confirmation page. The link is single use, expires with {@code link-lifetime}, and
 * carries only a random token (the database keeps its hash).
 */
@Component
@Order(GmailSignIn.ORDER)
@ConditionalOnGmailSignIn
class GmailSignIn implements SignInLink {

    /** Gmail is listed second among the types, after IMAP mail. */
    static final int ORDER = 20;

    private final OAuthLinks links;
    private final IntegrationService integrations;
    private final GmailProperties properties;
    private final ObjectProvider<UserNames> names;

    GmailSignIn(OAuthLinks links, IntegrationService integrations, GmailProperties properties, ObjectProvider<UserNames> names) {
        this.links = links;
        this.integrations = integrations;
        this.properties = properties;
        this.names = names;
    }

    @Override
    public IntegrationType type() {
        return GmailType.TYPE;
    }

    @Override
    public Message connect(UserId user, String label, @Nullable IntegrationId reauthenticate) {
        String cleanLabel = IntegrationService.validLabel(label);
        String account = null;
        if (reauthenticate != null) {
            GmailSettings current = GmailAuthorizedClients.gmail(integrations.settings(user, reauthenticate));
            cleanLabel = integrations.get(user, reauthenticate).label();
            account = current.googleAddress();
        }
        String token = SignInTokens.random();
        String replyKey = RandomTokens.urlSafe(16);
        String who = names.stream().findFirst().flatMap(n -> n.describe(user)).orElse("Plugboard user " + user);
        links.createLink(new OAuthLinks.Link(UUID.randomUUID(), user, who, cleanLabel, reauthenticate, replyKey),
                SignInTokens.hash(token), properties.linkLifetime());
        long minutes = Math.max(1, properties.linkLifetime().toMinutes());
        String intro = account == null
                ? "🔗 **Connect Gmail: " + cleanLabel + "**\nThe button opens Plugboard's page, then Google's."
                : "🔗 **Sign in again: " + cleanLabel + "**\nThe button opens Plugboard's page, then Google's: sign in as "
                        + account + ".";
        return Message.text(intro + " Allow Plugboard to read, send and delete your mail (Gmail's IMAP needs that "
                        + "permission) and leave every box ticked. The link works once, for " + minutes
                        + " minutes, and connects the account to you only: don't share it.")
                .withRow(ControlRow.of(new Control.Link("Connect Gmail", properties.base() + SignInPaths.CONNECT + token)))
                .withReplyKey(replyKey);
    }
}
