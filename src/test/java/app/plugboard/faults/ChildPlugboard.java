package app.plugboard.faults;

import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.testsupport.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged Plugboard ({@code java -jar target/plugboard.jar}) in a process of its own, configured as an operator
 * configures it: {@code SPRING_DATASOURCE_URL} names the database, {@code DISCORD_TOKEN} the bot; the only settings
 * an operator never gives point its JDA at the test's fake Discord ({@code --plugboard.discord.rest-url},
 * {@code --plugboard.discord.gateway-url}). The test can kill it as the kernel would (SIGKILL) or stop it as a
 * container runtime does (SIGTERM).
 */
final class ChildPlugboard implements AutoCloseable {

    static final Duration STARTS_WITHIN = Duration.ofSeconds(150);

    private final Process process;
    private final Path log;

    private ChildPlugboard(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts it and waits until it is logged in to the fake Discord (a new session) with its commands registered. */
    static ChildPlugboard start(FakeDiscord discord, String databaseUrl, Path dataDir, Path log) {
        Path jar = Path.of(System.getProperty("plugboard.jar", "target/plugboard.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no " + jar + ": the packaged jar is built by `./mvnw package`, before the *IT tests");
        }
        int identifiesBefore = discord.identifyCount();
        int registrationsBefore = registrations(discord);
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--plugboard.discord.rest-url=" + discord.restBaseUrl(),
                "--plugboard.discord.gateway-url=" + discord.gatewayUrl()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PLUGBOARD_") || name.startsWith("SPRING_") || name.equals("DISCORD_TOKEN"));
        env.put("SPRING_DATASOURCE_URL", databaseUrl);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("DISCORD_TOKEN", discord.token());
        env.put("PLUGBOARD_ENCRYPTION_KEY", TestKeys.CURRENT);
        env.put("PLUGBOARD_DATA_DIR", dataDir.toString());
        env.put("PLUGBOARD_WEB_PORT", "0");
        env.put("PLUGBOARD_MANAGEMENT_PORT", "0");
        env.put("PLUGBOARD_NETWORK_ALLOWED_RANGES", "127.0.0.1/32");
        env.put("PLUGBOARD_WATCH_INTERVAL", "0");
        ChildPlugboard child;
        try {
            child = new ChildPlugboard(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + STARTS_WITHIN.toNanos();
        while (discord.identifyCount() == identifiesBefore || registrations(discord) == registrationsBefore) {
            if (!child.process.isAlive() || System.nanoTime() > deadline) {
                child.process.destroyForcibly();
                throw new IllegalStateException("the packaged Plugboard did not log in to the fake Discord within "
                        + STARTS_WITHIN.toSeconds() + " s; its output:\n" + child.output());
            }
            Person.sleep(50);
        }
        return child;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: the process ends at once, in the middle of whatever it was doing; nothing of it runs any more. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly); // the fast start's second JVM, as a container's stop
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the killed Plugboard is still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit status: 137 (128 + SIGKILL's 9) after {@link #kill()}. */
    int exitValue() {
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: a graceful stop
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static int registrations(FakeDiscord discord) {
        String path = "applications/" + Long.toUnsignedString(discord.applicationId()) + "/commands";
        return (int) discord.requests().stream().filter(request -> request.is("PUT", path)).count();
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
