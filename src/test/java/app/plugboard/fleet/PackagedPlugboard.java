package app.plugboard.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Plugboard ({@code java -jar target/plugboard.jar}) in a process of its own, its output in a file.
 * Started with the settings given and nothing inherited: no {@code PLUGBOARD_*}, {@code SPRING_*} or token from
 * the environment of the build.
 */
final class PackagedPlugboard implements AutoCloseable {

    private final String name;
    private final Map<String, String> settings;
    private final Path output;
    private Process process;

    PackagedPlugboard(String name, Map<String, String> settings, Path directory) {
        this.name = name;
        this.settings = settings;
        this.output = directory.resolve(name + ".log");
    }

    PackagedPlugboard start() throws IOException {
        Path jar = Path.of(System.getProperty("plugboard.jar", "target/plugboard.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no " + jar + ": run mvn verify, which packages it first");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+UseSerialGC", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("PLUGBOARD_") || key.startsWith("SPRING_") || key.equals("DISCORD_TOKEN"));
        env.putAll(settings);
        process = builder.start();
        return this;
    }

    /** Waits until the web port's health says UP. */
    void awaitHealthy(int webPort, Duration atMost) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped (exit " + process.exitValue() + "):\n" + output());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " was not healthy within " + atMost + ":\n" + output());
    }

    /**
     * Kills the process at once (SIGKILL): no shutdown, no goodbye to Discord or the database. The whole tree, as a
     * container's or a service's stop does: {@code java -jar} runs Plugboard in a second JVM (the fast start).
     */
    void kill() throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            return "(output not readable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
