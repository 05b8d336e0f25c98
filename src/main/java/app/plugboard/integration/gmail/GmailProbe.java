package app.plugboard.integration.gmail;

import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ConnectionProbe;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.SettingsKind;
import org.springframework.stereotype.Component;

/**
 * "Check now" for Gmail: a fresh access token (renewed if needed), then an XOAUTH2 login to
 * Gmail's IMAP and the inbox's counts.
 */
@Component
@ConditionalOnGmailSignIn
class GmailProbe implements ConnectionProbe {

    private final GmailTokens tokens;
    private final GmailImap imap;

    GmailProbe(GmailTokens tokens, GmailImap imap) {
        this.tokens = tokens;
        this.imap = imap;
    }

    @Override
    public SettingsKind kind() {
        return GmailType.KIND;
    }

    /** Settings not stored (yet): their access token as it is. */
    @Override
    public CheckResult check(IntegrationSettings settings) {
        GmailSettings gmail = (GmailSettings) settings;
        if (!gmail.hasTokens() || gmail.accessToken() == null || gmail.googleAddress() == null) {
            return needsReauthentication();
        }
        return result(gmail.googleAddress(), imap.inbox(gmail.googleAddress(), gmail.accessToken()));
    }

    @Override
    public CheckResult check(UserId owner, IntegrationId id, IntegrationSettings settings) {
        GmailTokens.Access access = tokens.current(owner, id);
        if (!(access instanceof GmailTokens.Ready ready)) {
            return unusable(access);
        }
        GmailImap.Login login = imap.inbox(ready.googleAddress(), ready.accessToken());
        if (login instanceof GmailImap.Refused) {
            // the token may have been revoked before it expired: a renewal says whether the grant still holds
            access = tokens.renewed(owner, id);
            if (!(access instanceof GmailTokens.Ready renewed)) {
                return unusable(access);
            }
            login = imap.inbox(renewed.googleAddress(), renewed.accessToken());
        }
        return result(ready.googleAddress(), login);
    }

    private static CheckResult result(String address, GmailImap.Login login) {
        if (login instanceof GmailImap.Inbox inbox) {
            return CheckResult.connected(GmailConnectFlow.preview(address, inbox));
        }
        if (login instanceof GmailImap.Unreachable unreachable) {
            return CheckResult.failing("Gmail's IMAP could not be reached: " + unreachable.why() + ". It will be tried again.");
        }
        return CheckResult.error("Gmail refused the login although Google renewed the access. For a work or school "
                + "account, an administrator may have turned IMAP off; otherwise reconnect.", null);
    }

    private static CheckResult unusable(GmailTokens.Access access) {
        if (access instanceof GmailTokens.Unavailable) {
            return CheckResult.failing("Google did not renew Plugboard's access just now (no answer or a server error); "
                    + "the access is kept and tried again later.");
        }
        return needsReauthentication();
    }

    private static CheckResult needsReauthentication() {
        return new CheckResult(IntegrationStatus.NEEDS_REAUTHENTICATION, GmailAuthorizedClients.NEEDS_REAUTHENTICATION, null);
    }
}
