package app.plugboard.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fake's rate limits seen from a plain HTTP client that does not care about them: what a bot that exceeds the
 * rate it was given gets, and that the fake records it.
 */
@DisplayName("FakeDiscord's rate limits")
class RateLimitsTest {

    static FakeDiscord fake;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        fake = FakeDiscord.start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @AfterEach
    void forget() {
        fake.endPlannedFailures();
    }

    @Test
    @DisplayName("a limited route says what is left in Discord's headers; a request beyond the window gets 429 and is recorded")
    void window() throws Exception {
        // GIVEN Discord allows two requests to users/@me per 2 s
        fake.limitRate("GET", "users/@me", 2, Duration.ofSeconds(2));
        int before = fake.rejections().size();

        // WHEN a client sends three at once
        HttpResponse<String> first = me();
        HttpResponse<String> second = me();
        HttpResponse<String> third = me();

        // THEN the first two pass, saying what is left and when the window resets, and the third is refused
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("1");
        assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
        assertThat(first.headers().firstValue("X-RateLimit-Bucket")).isPresent();
        assertThat(Double.parseDouble(first.headers().firstValue("X-RateLimit-Reset-After").orElseThrow())).isBetween(0.0, 2.0);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(value -> assertThat(Integer.parseInt(value)).isBetween(1, 2));
        // AND the fake recorded that the client exceeded the rate it was given
        assertThat(fake.rejections().subList(before, fake.rejections().size())).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Rejection.Kind.RATE_LIMIT_EXCEEDED);
            assertThat(r.detail()).contains("request 3 within 2000 ms, where 2 are allowed");
        });
    }

    @Test
    @DisplayName("after a 429 with Retry-After, a request before that time is refused and recorded; one after it passes")
    void retryAfter() throws Exception {
        // GIVEN the next request to users/@me is answered 429, retry after 1 s
        fake.failNext(1, 429, "GET", "users/@me");
        int before = overLimit();
        assertThat(me().statusCode()).isEqualTo(429);

        // WHEN the client asks again at once THEN it is refused, and recorded
        assertThat(me().statusCode()).isEqualTo(429);
        assertThat(overLimit()).isEqualTo(before + 1);

        // WHEN it waits the second it was told THEN it passes
        Thread.sleep(1_100);
        assertThat(me().statusCode()).isEqualTo(200);
        assertThat(overLimit()).isEqualTo(before + 1);
    }

    private static int overLimit() {
        return (int) fake.rejections().stream().filter(r -> r.kind() == Rejection.Kind.RATE_LIMIT_EXCEEDED).count();
    }

    private static HttpResponse<String> me() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(fake.restBaseUrl() + "users/@me"))
                .header("Authorization", "Bot " + fake.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
