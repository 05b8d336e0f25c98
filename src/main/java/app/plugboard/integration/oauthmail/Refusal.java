package app.plugboard.integration.oauthmail;

/** Why a sign-in connected nothing, in the words the result page shows: a title and what to do. */
public record Refusal(String title, String detail) {
}
