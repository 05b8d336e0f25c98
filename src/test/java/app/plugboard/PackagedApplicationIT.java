package app.plugboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.testsupport.mail.TestMailServer;
import app.plugboard.testsupport.mail.TestTls;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application as a newcomer runs it ({@code java -jar}, as {@code ./mvnw spring-boot:run}
 * does), in its own process: no database and no key configured, an empty data directory, the
 * conversation typed into its standard input. Runs in {@code verify} after the jar is built.
 */
@DisplayName("The packaged application, from a clean start")
class PackagedApplicationIT {

    static final TestMailServer MAIL = TestMailServer.start();

    @TempDir
    Path dataDir;

    @AfterAll
    static void stopMail() {
        MAIL.close();
    }

    @Test
    @DisplayName("starts with nothing configured, adds IMAP mail in the terminal, exits cleanly, and a restart keeps it")
    void cleanStartAndRestart() throws Exception {
        MAIL.user("alice@example.com", "app-password");

        // WHEN a first run adds an IMAP integration through piped standard input, then the input ends
        Run first = run("/integration add type:imap label:Work mail", "alice@example.com", "app-password",
                "localhost", String.valueOf(MAIL.imapsPort()), "1");

        // THEN it explained itself, generated a private key, checked the mailbox, stored it and stopped cleanly
        Path logFile = dataDir.resolve("logs/plugboard.log");
        assertThat(first.exitCode()).isZero();
        assertThat(first.output()).contains("Plugboard, in your terminal. No DISCORD_TOKEN is set",
                "the whole log is in " + logFile,
                "PLUGBOARD_ENCRYPTION_KEY is not set. A new key was generated into", "✅ Work mail is connected.",
                "Connected as alice@example.com: INBOX 0 messages (0 unread)", "Bye.")
                .doesNotContain("app-password").doesNotContain("Exception");
        // AND the terminal is the conversation: the warning above on one line, no INFO line; those go to the log file
        assertThat(first.output().lines().filter(line -> line.contains("A new key was generated")))
                .singleElement().asString().startsWith("WARN").contains("back it up");
        assertThat(first.output()).doesNotContain(" INFO ", "INFO ", "Embedded PostgreSQL is running", "Started PlugboardApplication");
        assertThat(Files.readString(logFile)).contains(" INFO ", "Embedded PostgreSQL is running on localhost:",
                "Started PlugboardApplication", "Embedded PostgreSQL stopped.").doesNotContain("app-password");
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("encryption.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();

        // WHEN it starts again on the same directory, asked for JSON logs THEN the integration is still there, connected
        Run second = run(Map.of("PLUGBOARD_LOG_FORMAT", "json"), List.of(), "/integration list");
        assertThat(second.exitCode()).isZero();
        assertThat(second.output()).contains("Your integrations (1)", "🟢 Work mail",
                "alice@example.com on localhost:" + MAIL.imapsPort())
                .doesNotContain("A new key was generated");
        // AND the terminal stayed the conversation, while the log file went on in JSON (ECS), one object a line
        assertThat(second.output()).doesNotContain("{\"@timestamp\"");
        List<String> json = Files.readAllLines(logFile).stream().filter(line -> line.startsWith("{\"@timestamp\"")).toList();
        assertThat(json).anySatisfy(line -> assertThat(line).contains("\"message\":\"Started PlugboardApplication",
                "\"ecs\":{\"version\""));
    }

    @Test
    @DisplayName("with PLUGBOARD_LOG_FORMAT=json and no terminal chat, standard output is the JSON log (ECS), one object a line")
    void jsonOnStandardOutput() throws Exception {
        // WHEN a one-off command runs without the terminal chat, as in a container, with JSON logs
        Run run = run(Map.of("PLUGBOARD_LOG_FORMAT", "json", "PLUGBOARD_CONSOLE_ENABLED", "false"), List.of("reencrypt-secrets"));

        // THEN it did its work, and every log line on standard output is an ECS object
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("Re-encrypted 0 of 0 integrations");
        List<String> logLines = run.output().lines().filter(line -> !line.startsWith("Re-encrypted")).toList();
        assertThat(logLines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"@timestamp\"").endsWith("}")
                .contains("\"ecs\":{\"version\""));
        assertThat(run.output()).contains("\"message\":\"Started PlugboardApplication");
    }

    record Run(int exitCode, String output) {
    }

    private Run run(String... lines) throws IOException, InterruptedException {
        return run(Map.of(), List.of(), lines);
    }

    private Run run(Map<String, String> settings, List<String> arguments, String... lines) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("plugboard.jar", "target/plugboard.jar"));
        assertThat(jar).exists();
        List<String> command = new java.util.ArrayList<>(List.of(javaCommand(), "-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PLUGBOARD_") || name.startsWith("SPRING_") || name.equals("DISCORD_TOKEN"));
        env.putAll(settings);
        env.put("PLUGBOARD_DATA_DIR", dataDir.toString());
        env.put("PLUGBOARD_WEB_PORT", "0");
        env.put("PLUGBOARD_MANAGEMENT_PORT", "0");
        env.put("PLUGBOARD_NETWORK_ALLOWED_RANGES", "127.0.0.0/8");
        env.put("PLUGBOARD_TRUST_STORE", TestTls.trustStore().toString());
        env.put("PLUGBOARD_TRUST_STORE_PASSWORD", TestTls.PASSWORD);
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((String.join("\n", List.of(lines)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the application did not exit; it printed:\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
