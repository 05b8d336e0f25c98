package app.plugboard.integration.signin;

import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The sign-in flow behind the pages at {@code /oauth2/...} ({@link SignInPaths}): the web pages call
 * it with what the browser sent, and it answers what to show or where the browser goes next.
 * Every address it answers is built from {@code PLUGBOARD_PUBLIC_URL}, never from a request.
 */
public interface SignInFlow {

    /** What the confirmation page of an unused, unexpired link shows; empty for any other token. Uses nothing up. */
    Optional<Confirmation> confirmation(String linkToken);

    /** The visitor confirmed: the link is used up, the browser goes to the first authorization server (or "expired"). */
    Step confirm(String linkToken);

    /**
     * An authorization server sent the browser back.
     *
     * @param server the last part of the callback's address, one of {@link SignInPaths#CALLBACK_SERVERS}
     */
    Step callback(String server, Callback callback);

    /** What the result page of a finished sign-in shows; empty when the id is unknown or old. */
    Optional<ResultPage> result(String resultId);

    /**
     * What the confirmation page shows.
     *
     * @param service       what is being connected ("Gmail")
     * @param provider      where the visitor signs in ("Google")
     * @param consent       what the provider will ask the visitor to allow, and what to answer
     * @param ownerName     the Discord account the link was made for ({@code @username})
     * @param label         the integration's label
     * @param account       the account to sign in again as, or null for a new integration
     * @param discordSignIn whether the visitor signs in with Discord first
     * @param confirmAt     where the page's button posts
     */
    record Confirmation(String service, String provider, String consent, String ownerName, String label,
            @Nullable String account, boolean discordSignIn, URI confirmAt) {
    }

    /**
     * What the browser sent back to a callback.
     *
     * @param errorDescription the server's {@code error_description} with an {@code error}, to read an error code from
     *                         (Microsoft's {@code AADSTS65001: ...}); never shown as it is
     * @param browserBinding   the browser-binding cookie, or null when the browser has none
     */
    record Callback(@Nullable String state, @Nullable String code, @Nullable String error,
            @Nullable String errorDescription, @Nullable String browserBinding) {
    }

    /**
     * Where the browser goes next.
     *
     * @param browserBinding a new value for the browser-binding cookie, or null to keep it
     */
    record Step(URI location, @Nullable String browserBinding) {
    }

    /** What the result page shows. */
    record ResultPage(boolean connected, String title, String detail) {
    }
}
