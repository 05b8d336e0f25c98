package app.plugboard.integration.signin;

import java.util.List;

/** The sign-in pages' addresses under {@code PLUGBOARD_PUBLIC_URL}. Operators register the callbacks at the providers. */
public final class SignInPaths {

    /** The confirmation page of a sign-in link: {@code CONNECT + <link token>}. */
    public static final String CONNECT = "/oauth2/connect/";
    /** Where an authorization server sends the browser back: {@code CALLBACK + <server>}. */
    public static final String CALLBACK = "/oauth2/callback/";
    /** A sign-in's outcome: {@code RESULT + <result id>}. */
    public static final String RESULT = "/oauth2/result/";
    public static final String EXPIRED = "/oauth2/expired";
    /**
     * The authorization servers that send browsers back, by the last part of their callback (their
     * client registration id): Google (Gmail), Microsoft (Outlook), and Discord (checking who signs in).
     */
    public static final List<String> CALLBACK_SERVERS = List.of("google", "microsoft", "discord");

    private SignInPaths() {
    }
}
