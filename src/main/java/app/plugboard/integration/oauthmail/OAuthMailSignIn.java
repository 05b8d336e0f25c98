package app.plugboard.integration.oauthmail;

import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Message;
import app.plugboard.chat.UserNames;
import app.plugboard.common.RandomTokens;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.signin.ConditionalOnSignIn;
import app.plugboard.integration.signin.SignInPaths;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The chat's way into a sign-in: {@code add} and "Re-authenticate" answer with a link to our confirmation
 * page. The link is single use, expires with {@code link-lifetime}, and carries only a random token (the
 * database keeps its hash). Each OAuth mail type's {@code SignInLink} answers through this.
 */
@Component
@ConditionalOnSignIn
public class OAuthMailSignIn {

    private final OAuthLinks links;
    private final IntegrationService integrations;
    private final SignInProperties properties;
    private final ObjectProvider<UserNames> names;

    OAuthMailSignIn(OAuthLinks links, IntegrationService integrations, SignInProperties properties,
            ObjectProvider<UserNames> names) {
        this.links = links;
        this.integrations = integrations;
        this.properties = properties;
        this.names = names;
    }

    /** @param reauthenticate the integration to sign in to again, or null for a new one under {@code label} */
    public Message connect(MailProvider provider, UserId user, String label, @Nullable IntegrationId reauthenticate) {
        String cleanLabel = IntegrationService.validLabel(label);
        String account = null;
        if (reauthenticate != null) {
            OAuthMailSettings current = MailProviders.oauth(integrations.settings(user, reauthenticate));
            cleanLabel = integrations.get(user, reauthenticate).label();
            account = current.address();
        }
        String token = SignInTokens.random();
        String replyKey = RandomTokens.urlSafe(16);
        String who = names.stream().findFirst().flatMap(n -> n.describe(user)).orElse("Plugboard user " + user);
        links.createLink(new OAuthLinks.Link(UUID.randomUUID(), MailProviders.key(provider), user, who, cleanLabel,
                reauthenticate, replyKey), SignInTokens.hash(token), properties.linkLifetime());
        long minutes = Math.max(1, properties.linkLifetime().toMinutes());
        String pages = "\nThe button opens Plugboard's page, then " + provider.providerName() + "'s";
        String intro = account == null
                ? "🔗 **Connect " + provider.service() + ": " + cleanLabel + "**" + pages + "."
                : "🔗 **Sign in again: " + cleanLabel + "**" + pages + ": sign in as " + account + ".";
        return Message.text(intro + " " + provider.linkAdvice() + " The link works once, for " + minutes
                        + " minutes, and connects the account to you only: don't share it.")
                .withRow(ControlRow.of(new Control.Link("Connect " + provider.service(),
                        properties.base() + SignInPaths.CONNECT + token)))
                .withReplyKey(replyKey);
    }
}
