package app.plugboard.integration.gmail;

import app.plugboard.common.StartupProblem;
import app.plugboard.common.ThreadPools;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gmail sign-in's own pieces besides its {@link GmailProvider}: the startup check of Google's client, and
 * the thread that gives grants back to Google.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnGmailSignIn
class GmailSignInConfiguration {

    static final String REVOCATIONS = "gmailRevocations";

    GmailSignInConfiguration(GmailProperties properties) {
        check(properties);
    }

    @Bean(name = REVOCATIONS, destroyMethod = "shutdown")
    ExecutorService gmailRevocations() {
        return ThreadPools.bounded("gmail-revoke-", 1, 200, new ThreadPoolExecutor.AbortPolicy());
    }

    /** A client id alone is not enough: say what else is missing before anyone gets a broken link. */
    static void check(GmailProperties properties) {
        String secret = properties.google().clientSecret();
        if (secret == null || secret.isBlank()) {
            throw new StartupProblem("PLUGBOARD_GOOGLE_CLIENT_ID is set, but PLUGBOARD_GOOGLE_CLIENT_SECRET is not.",
                    "Set PLUGBOARD_GOOGLE_CLIENT_SECRET to the secret of the same Google OAuth client (see the README's "
                            + "Gmail section), or unset PLUGBOARD_GOOGLE_CLIENT_ID to run without Gmail sign-in.");
        }
    }
}
