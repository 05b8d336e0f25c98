package app.plugboard.integration.signin;

import java.time.Duration;

/** What the operator configured for signing in, as the pages and the HTTP calls to the authorization servers need it. */
public interface SignInSettings {

    /** Whether browsers reach the pages over https, so cookies can be {@code Secure} (and {@code __Host-}). */
    boolean secureCookies();

    /** The scheme and host of the authorization servers the confirmation page sends the browser to. */
    String formTargets();

    /** How long a sign-in link, and each redirect's state, stays usable. */
    Duration linkLifetime();

    /** Connecting to an authorization server. */
    Duration connectTimeout();

    /** Waiting for an authorization server's answer. */
    Duration readTimeout();
}
