package app.plugboard.integration.outlook;

import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ConnectionProbe;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.oauthmail.OAuthMailCheck;
import org.springframework.stereotype.Component;

/**
 * "Check now" for Outlook: a fresh access token (renewed, and the rotated refresh token stored, if needed),
 * then an XOAUTH2 login to Outlook's IMAP and the inbox's counts ({@link OAuthMailCheck}).
 */
@Component
@ConditionalOnOutlookSignIn
class OutlookProbe implements ConnectionProbe {

    private final OAuthMailCheck check;

    OutlookProbe(OAuthMailCheck check) {
        this.check = check;
    }

    @Override
    public SettingsKind kind() {
        return OutlookType.KIND;
    }

    @Override
    public CheckResult check(IntegrationSettings settings) {
        return check.check(settings);
    }

    @Override
    public CheckResult check(UserId owner, IntegrationId id, IntegrationSettings settings) {
        return check.check(owner, id, settings);
    }
}
