/**
 * OAuth over HTTP, outside the domain: the token endpoint through Spring Security's RestClient
 * token response clients, and the user-info and revocation endpoints, all on one RestClient with
 * connect and read timeouts and no redirects. Implements the ports of
 * {@code app.plugboard.integration.gmail}.
 */
@NullMarked
package app.plugboard.oauth;

import org.jspecify.annotations.NullMarked;
