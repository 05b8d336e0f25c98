package app.plugboard.integration.oauthmail;

import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.imap.MailException;
import app.plugboard.integration.imap.Mailbox;
import app.plugboard.integration.imap.MailboxSource;
import app.plugboard.integration.signin.ConditionalOnSignIn;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The mailbox of an OAuth mail integration, for {@code MailAccess}: the provider's IMAP and SMTP servers,
 * the account's address as the login, and a fresh access token sent with XOAUTH2.
 */
@Component
@ConditionalOnSignIn
class OAuthMailboxes implements MailboxSource {

    private final OAuthMailTokens tokens;
    private final MailProviders providers;

    OAuthMailboxes(OAuthMailTokens tokens, MailProviders providers) {
        this.tokens = tokens;
        this.providers = providers;
    }

    @Override
    public Optional<Mailbox> mailbox(UserId owner, IntegrationId id, IntegrationSettings settings) {
        if (!(settings instanceof OAuthMailSettings)) {
            return Optional.empty();
        }
        return Optional.of(open(providers.of(settings), tokens.current(owner, id)));
    }

    @Override
    public Optional<Mailbox> afterRefusedLogin(UserId owner, IntegrationId id, IntegrationSettings settings) {
        return Optional.of(open(providers.of(settings), tokens.renewed(owner, id)));
    }

    private static Mailbox open(MailProvider provider, OAuthMailTokens.Access access) {
        if (access instanceof OAuthMailTokens.Ready ready) {
            MailServers servers = provider.servers();
            return new Mailbox(ready.address(), ready.accessToken(), Mailbox.Credential.XOAUTH2,
                    new Mailbox.Server(servers.imapHost(), servers.imapPort(), true),
                    new Mailbox.Server(servers.smtpHost(), servers.smtpPort(), servers.smtpImplicitTls()), null);
        }
        if (access instanceof OAuthMailTokens.Unavailable unavailable) {
            if (unavailable.why() != null) {
                throw new MailException(CheckResult.failing(unavailable.why()));
            }
            throw new MailException(CheckResult.failing(provider.providerName() + " did not renew Plugboard's access just "
                    + "now (no answer or a server error); try again in a few minutes."));
        }
        throw new MailException(new CheckResult(IntegrationStatus.NEEDS_REAUTHENTICATION,
                OAuthMailClients.needsReauthentication(provider), null));
    }
}
