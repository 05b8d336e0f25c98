package app.plugboard.web;

import app.plugboard.integration.signin.SignInPaths;
import app.plugboard.integration.signin.SignInSettings;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The web port answers health ({@link PublicHealth}) and the sign-in pages ({@link SignInPaths}); everything else is
 * denied, Actuator's endpoints included (they are on the management port, whose requests a chain of their own takes). No session:
 * the one form (the sign-in confirmation) is protected by a CSRF token kept in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http, SignInSettings signIn) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").secure(signIn.secureCookies()));
        String[] pages = Stream.concat(
                Stream.of(SignInPaths.CONNECT + "*", SignInPaths.RESULT + "*", SignInPaths.EXPIRED),
                SignInPaths.CALLBACK_SERVERS.stream().map(server -> SignInPaths.CALLBACK + server)).toArray(String[]::new);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, PublicHealth.PATH).permitAll()
                        .requestMatchers(HttpMethod.GET, pages).permitAll()
                        .requestMatchers(HttpMethod.POST, SignInPaths.CONNECT + "*").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
