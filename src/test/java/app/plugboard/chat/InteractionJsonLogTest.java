package app.plugboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.ThreadPools;
import app.plugboard.common.UserId;
import app.plugboard.testsupport.JsonLogs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The log as {@code PLUGBOARD_LOG_FORMAT=json} writes it (Spring Boot's ECS), about one interaction. */
@ExtendWith({OutputCaptureExtension.class, JsonLogs.class})
@DisplayName("An interaction in the JSON log")
class InteractionJsonLogTest {

    static final UserId ALICE = new UserId(42);
    static final String PASSWORD = "Quokka-Sentinel-5521";
    private static final Logger log = LoggerFactory.getLogger("app.plugboard.integration.imap.ImapProbe");

    @Test
    @DisplayName("an unexpected failure in the slow part of a form is one ECS line with the reference as its field ref, on the worker thread, like every line of that interaction; what was typed shows nowhere")
    void unexpectedFailure(CapturedOutput output) throws Exception {
        // GIVEN a login form whose check logs a line and then fails unexpectedly
        ComponentRoutes login = () -> List.of(ComponentRoute.onSubmit(ChatRouterTest.Demo.TYPE,
                (submit, form) -> Response.later("Checking…", () -> {
                    log.info("Checking the login of the demo form");
                    throw new IllegalStateException("connection reset");
                })));
        ChatRouter router = new ChatRouter(List.of(), List.of(), List.of(login));
        log.info("Before any interaction");

        // WHEN Alice submits it with her password, and its slow part runs on a worker thread
        Response.Later later = (Response.Later) router.handle(new ChatEvent.FormSubmit(ALICE, "demo:gone:abc",
                Map.of("username", "alice@example.com", "password", PASSWORD), java.util.Set.of("password")));
        ExecutorService worker = Executors.newSingleThreadExecutor(ThreadPools.daemonThreads("chat-work-"));
        String answer;
        try {
            answer = worker.submit(() -> later.work().get().text()).get();
        } finally {
            worker.shutdown();
        }

        // THEN the failure is one JSON object with the reference she reads as its field "ref", and the stack trace
        String reference = answer.replaceAll(".*Reference: ([A-Z0-9]{8}).*", "$1");
        List<JsonNode> lines = jsonLines(output.getOut());
        JsonNode failure = lines.stream().filter(line -> line.path("message").asString().startsWith("Unexpected failure"))
                .findFirst().orElseThrow();
        assertThat(failure.path("ref").asString()).isEqualTo(reference);
        assertThat(failure.path("log").path("level").asString()).isEqualTo("ERROR");
        assertThat(failure.path("process").path("thread").path("name").asString()).isEqualTo("chat-work-1");
        assertThat(failure.path("error").path("type").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failure.path("error").path("stack_trace").asString()).contains("at app.plugboard.chat.InteractionJsonLogTest");
        assertThat(failure.path("ecs").path("version").asString()).isNotEmpty();
        // AND the check's own line carries the same reference, while a line outside any interaction has none
        assertThat(lines).filteredOn(line -> line.path("message").asString().equals("Checking the login of the demo form"))
                .singleElement().satisfies(line -> assertThat(line.path("ref").asString()).isEqualTo(reference));
        assertThat(lines).filteredOn(line -> line.path("message").asString().equals("Before any interaction"))
                .singleElement().satisfies(line -> assertThat(line.has("ref")).isFalse());
        // AND the password shows in no field
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }

    private static List<JsonNode> jsonLines(String output) {
        JsonMapper json = JsonMapper.builder().build();
        return output.lines().filter(line -> line.startsWith("{")).map(json::readTree).toList();
    }
}
