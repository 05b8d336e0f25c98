package app.plugboard.integration.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.integration.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A feed's address (a secret) never prints from the HTTP records that carry it")
class HttpRecordsInPrintTest {

    static final URI FEED = URI.create("https://calendar.example.com/calendar/ical/alice/private-TOKEN-4711/basic.ics");

    @Test
    @DisplayName("a request prints its method and the address's scheme and host; its credentials as ***")
    void call() {
        HttpCall call = HttpCall.get(FEED, new HttpCall.Credentials("alice", Secret.of("feed-pw")));

        assertThat(call.toString()).contains("GET", "calendar.example.com").doesNotContain("private-TOKEN-4711", "feed-pw");
    }

    @Test
    @DisplayName("an answer prints its status, the address's scheme and host and its size, never the path or the body")
    void answer() {
        HttpAnswer answer = new HttpAnswer(200, FEED, Map.of("content-type", List.of("text/calendar")),
                "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.toString()).contains("200", "calendar.example.com", "15 bytes")
                .doesNotContain("private-TOKEN-4711", "VCALENDAR");
    }
}
