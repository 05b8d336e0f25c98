package app.plugboard.web;

import app.plugboard.storage.WebDatabase;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What keeps the public web port from being used against the rest: the sign-in pages' rate limit
 * per address (before Spring Security's filters), and health's database check on the web port's
 * own small pool, like the sign-in pages, rather than on the chat's.
 */
@Configuration(proxyBeanMethods = false)
class WebLimitsConfiguration {

    @Bean
    FilterRegistrationBean<SignInRateLimit> signInRateLimit(RateLimitProperties properties) {
        FilterRegistrationBean<SignInRateLimit> registration = new FilterRegistrationBean<>(
                new SignInRateLimit(new ClientBuckets(properties.requestsPerMinute(), properties.clients())));
        registration.addUrlPatterns(SignInRateLimit.PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Replaces Spring Boot's {@code db} indicator (same name), which would use the main pool. */
    @Bean
    HealthIndicator dbHealthIndicator(WebDatabase database) {
        return new DataSourceHealthIndicator(database.dataSource());
    }
}
