package app.plugboard.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sign-in pages' rate limit ({@link SignInRateLimit}).
 *
 * @param requestsPerMinute how many requests one client address may make a minute (also the burst)
 * @param clients           how many addresses are remembered at most; beyond it the least used are forgotten
 */
@ConfigurationProperties("plugboard.web.rate-limit")
record RateLimitProperties(int requestsPerMinute, int clients) {
}
