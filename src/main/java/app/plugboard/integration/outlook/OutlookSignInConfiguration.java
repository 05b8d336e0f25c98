package app.plugboard.integration.outlook;

import app.plugboard.common.StartupProblem;
import org.springframework.context.annotation.Configuration;

/** Checks Microsoft's client at startup, before anyone gets a link that cannot work. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnOutlookSignIn
class OutlookSignInConfiguration {

    OutlookSignInConfiguration(OutlookProperties properties) {
        check(properties);
    }

    static void check(OutlookProperties properties) {
        OutlookProperties.Microsoft microsoft = properties.microsoft();
        if (microsoft.clientSecret() == null || microsoft.clientSecret().isBlank()) {
            throw new StartupProblem("PLUGBOARD_MICROSOFT_CLIENT_ID is set, but PLUGBOARD_MICROSOFT_CLIENT_SECRET is not.",
                    "Set PLUGBOARD_MICROSOFT_CLIENT_SECRET to a client secret of the same app registration in Microsoft "
                            + "Entra (see the README's Outlook section), or unset PLUGBOARD_MICROSOFT_CLIENT_ID to run "
                            + "without Outlook sign-in.");
        }
        if (!MicrosoftTenants.valid(microsoft.tenant())) {
            throw new StartupProblem("PLUGBOARD_MICROSOFT_TENANT is \"" + microsoft.tenant() + "\", which Plugboard does "
                    + "not understand.", "Set it to common (personal and work or school accounts), organizations (work or "
                    + "school only), consumers (personal only), or your organisation's tenant id (a GUID, shown in "
                    + "Microsoft Entra under Overview).");
        }
    }
}
