/**
 * OAuth over HTTP, outside the domain: the token endpoint through Spring Security's RestClient
 * token response clients, and the user-info and revocation endpoints, all on one RestClient with
 * connect and read timeouts and no redirects. Implements {@code OAuthHttp} of
 * {@code app.plugboard.integration.signin}, for whichever mail type signs in; knows no type itself.
 */
@NullMarked
package app.plugboard.oauth;

import org.jspecify.annotations.NullMarked;
