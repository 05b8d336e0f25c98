/**
 * Signing in to a mail provider in a browser (OAuth), as far as the edges need to know: the flow
 * behind the sign-in pages ({@code SignInFlow}, with the data its pages show), their addresses
 * ({@code SignInPaths}), what the operator configured for them ({@code SignInSettings}), and the
 * calls to the authorization servers ({@code OAuthHttp}). An OAuth mail type (Gmail) implements
 * the flow and uses the calls; {@code app.plugboard.web} serves the pages and
 * {@code app.plugboard.oauth} makes the calls, neither knowing which type signs in.
 */
@NullMarked
package app.plugboard.integration.signin;

import org.jspecify.annotations.NullMarked;
