package app.plugboard.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate-limits the sign-in pages and callbacks ({@code /oauth2/...}) per client address, before
 * anything else looks at the request; past the limit the answer is 429 with {@code Retry-After}.
 * The address is the connection's: {@code X-Forwarded-For} counts only where the operator turned
 * forwarded headers on ({@code server.forward-headers-strategy}), for a reverse proxy in front.
 */
final class SignInRateLimit extends OncePerRequestFilter {

    static final String PATHS = "/oauth2/*";
    private static final byte[] TOO_MANY = "Too many requests from your address. Wait a minute, then try again.\n"
            .getBytes(StandardCharsets.UTF_8);

    private final ClientBuckets buckets;

    SignInRateLimit(ClientBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ClientBuckets.Decision decision = buckets.take(request.getRemoteAddr());
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(TOO_MANY.length);
        response.getOutputStream().write(TOO_MANY);
    }
}
