package app.plugboard.integration.oauthmail;

import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.signin.ConditionalOnSignIn;
import org.springframework.stereotype.Component;

/**
 * "Check now" of an OAuth mail integration, whichever provider: a fresh access token (renewed if needed),
 * then an XOAUTH2 login to the provider's IMAP server and the inbox's counts. Each type's
 * {@code ConnectionProbe} answers through this.
 */
@Component
@ConditionalOnSignIn
public class OAuthMailCheck {

    private final OAuthMailTokens tokens;
    private final XOAuth2Imap imap;
    private final MailProviders providers;

    OAuthMailCheck(OAuthMailTokens tokens, XOAuth2Imap imap, MailProviders providers) {
        this.tokens = tokens;
        this.imap = imap;
        this.providers = providers;
    }

    /** Settings not stored (yet): their access token as it is. */
    public CheckResult check(IntegrationSettings settings) {
        OAuthMailSettings oauth = MailProviders.oauth(settings);
        MailProvider provider = providers.of(settings);
        if (!oauth.hasTokens() || oauth.accessToken() == null || oauth.address() == null) {
            return needsReauthentication(provider);
        }
        return result(provider, oauth.address(), imap.inbox(provider.servers(), oauth.address(), oauth.accessToken()));
    }

    public CheckResult check(UserId owner, IntegrationId id, IntegrationSettings settings) {
        MailProvider provider = providers.of(settings);
        OAuthMailTokens.Access access = tokens.current(owner, id);
        if (!(access instanceof OAuthMailTokens.Ready ready)) {
            return unusable(provider, access);
        }
        XOAuth2Imap.Login login = imap.inbox(provider.servers(), ready.address(), ready.accessToken());
        if (login instanceof XOAuth2Imap.Refused) {
            // the token may have been revoked before it expired: a renewal says whether the grant still holds
            access = tokens.renewed(owner, id);
            if (!(access instanceof OAuthMailTokens.Ready renewed)) {
                return unusable(provider, access);
            }
            login = imap.inbox(provider.servers(), renewed.address(), renewed.accessToken());
        }
        return result(provider, ready.address(), login);
    }

    private static CheckResult result(MailProvider provider, String address, XOAuth2Imap.Login login) {
        if (login instanceof XOAuth2Imap.Inbox inbox) {
            return CheckResult.connected(OAuthMailFlow.preview(address, inbox));
        }
        if (login instanceof XOAuth2Imap.Unreachable unreachable) {
            return CheckResult.failing(provider.service() + "'s IMAP could not be reached: " + unreachable.why()
                    + ". It will be tried again.");
        }
        return CheckResult.error(provider.loginRefusedAfterRenewal(((XOAuth2Imap.Refused) login).serverText()), null);
    }

    private static CheckResult unusable(MailProvider provider, OAuthMailTokens.Access access) {
        if (access instanceof OAuthMailTokens.Unavailable unavailable) {
            if (unavailable.why() != null) {
                return CheckResult.failing(unavailable.why());
            }
            return CheckResult.failing(provider.providerName() + " did not renew Plugboard's access just now (no answer or "
                    + "a server error); the access is kept and tried again later.");
        }
        return needsReauthentication(provider);
    }

    private static CheckResult needsReauthentication(MailProvider provider) {
        return new CheckResult(IntegrationStatus.NEEDS_REAUTHENTICATION, OAuthMailClients.needsReauthentication(provider), null);
    }
}
