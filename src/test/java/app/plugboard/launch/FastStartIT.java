package app.plugboard.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar plugboard.jar} through {@link FastStart}: a copy of the packaged jar in a directory of its own, so
 * its cache starts empty. Runs in {@code verify} after the jar is built.
 */
@DisplayName("Fast start of the packaged jar")
class FastStartIT {

    @TempDir
    static Path build;

    static Path jar;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void copyTheJar() throws IOException {
        jar = Files.copy(Path.of(System.getProperty("plugboard.jar", "target/plugboard.jar")), build.resolve("plugboard.jar"));
    }

    @Test
    @DisplayName("the first start of a new build records the archive when it ends; the next starts from it, in a second JVM")
    void trainsThenStartsFromTheArchive() throws Exception {
        // WHEN a new build runs a one-off command
        Process first = start(List.of(), "reencrypt-secrets");
        String firstOutput = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        // THEN it did its work, said nothing about archives, and left the archive beside the jar
        assertThat(first.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).isZero();
        assertThat(firstOutput).contains("Re-encrypted 0 of 0 integrations").doesNotContainIgnoringCase("cds")
                .doesNotContainIgnoringCase("archive");
        assertThat(archives()).singleElement().satisfies(archive -> assertThat(Files.size(archive)).isPositive());

        // WHEN it runs again, each JVM writing which classes it loaded from where
        Path classLog = build.resolve("classes");
        Files.createDirectories(classLog);
        Process second = start(List.of("-Xlog:class+load=info:file=" + classLog.resolve("classes-%p.log")), "reencrypt-secrets");
        String secondOutput = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        // THEN the same work was done by a second JVM that took Plugboard's classes from the archive
        assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(second.exitValue()).isZero();
        assertThat(secondOutput).contains("Re-encrypted 0 of 0 integrations");
        try (Stream<Path> logs = Files.list(classLog)) {
            List<String> loadedBy = new ArrayList<>();
            for (Path log : logs.toList()) {
                Files.readAllLines(log).stream().filter(line -> line.contains(" app.plugboard.PlugboardApplication "))
                        .forEach(loadedBy::add);
            }
            assertThat(loadedBy).as("where each JVM found Plugboard's main class").hasSize(2)
                    .anySatisfy(line -> assertThat(line).contains("source: shared objects file"))
                    .anySatisfy(line -> assertThat(line).contains("source: jar:nested:"));
        }
    }

    @Test
    @DisplayName("a stop (SIGTERM) reaches Plugboard, which stops gracefully; the exit is the stop's. Meanwhile the watch's "
            + "threads ran at nice 19 (on Linux), every other thread of Plugboard's at 0")
    void stopReachesPlugboard() throws Exception {
        // GIVEN Plugboard running in the terminal, started
        Process launcher = start(List.of());
        ProcessHandle plugboard = awaitStarted(launcher);

        // THEN (on Linux) its watch's threads take the CPU only when nothing else wants it, and no other thread was raised
        // or lowered (the watch's first thread runs its reconcile at the start)
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> niceByThread(plugboard).containsKey("watch-check-1"));
            Map<String, Integer> nice = niceByThread(plugboard);
            assertThat(nice).as("nice by thread").hasEntrySatisfying("watch-check-1", value -> assertThat(value).isEqualTo(19))
                    .hasEntrySatisfying("VM Thread", value -> assertThat(value).isZero());
            assertThat(nice.entrySet()).filteredOn(thread -> thread.getValue() != 0)
                    .allSatisfy(thread -> assertThat(thread.getKey()).startsWith("watch-check-"));
        }

        // WHEN the launcher is asked to stop
        launcher.destroy();

        // THEN Plugboard stopped gracefully (its database too), and the launcher ended as a stopped process does
        assertThat(launcher.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(143);
        assertThat(plugboard.isAlive()).isFalse();
        assertThat(Files.readString(dataDir.resolve("logs/plugboard.log"))).contains("Embedded PostgreSQL stopped.");
    }

    @Test
    @DisplayName("killed (SIGKILL), the launcher takes Plugboard with it: nothing keeps running that nothing owns")
    void killTakesPlugboardAlong() throws Exception {
        // GIVEN Plugboard running in the terminal, started
        Process launcher = start(List.of());
        ProcessHandle plugboard = awaitStarted(launcher);

        // WHEN the launcher is killed
        launcher.destroyForcibly();

        // THEN Plugboard is gone too, without a graceful stop
        await().atMost(Duration.ofSeconds(20)).until(() -> !plugboard.isAlive());
        assertThat(Files.readString(dataDir.resolve("logs/plugboard.log"))).doesNotContain("Embedded PostgreSQL stopped.");
    }

    /** @return the second JVM, running Plugboard, once it says it started */
    private ProcessHandle awaitStarted(Process launcher) {
        Path log = dataDir.resolve("logs/plugboard.log");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(log) && Files.readString(log).contains("Started PlugboardApplication"));
        List<ProcessHandle> plugboard = launcher.descendants().filter(child -> child.info().command().orElse("").endsWith("java"))
                .toList();
        assertThat(plugboard).as("the second JVM").hasSize(1);
        return plugboard.get(0);
    }

    /** Each thread's nice value, by its name as Linux knows it (cut to 15 characters); a thread that ended meanwhile is left out. */
    static Map<String, Integer> niceByThread(ProcessHandle process) throws IOException {
        Map<String, Integer> nice = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // after "pid (name) ": state, then the fields; nice is the 19th field of the line
                    String[] fields = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
                    nice.put(Files.readString(task.resolve("comm")).strip(), Integer.parseInt(fields[16]));
                } catch (NoSuchFileException ended) {
                    // the thread ended while listed
                }
            }
        }
        return nice;
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.walk(build.resolve("plugboard.start"))) {
            return files.filter(file -> file.getFileName().toString().matches("plugboard\\.(jsa|aot)")).toList();
        }
    }

    private Process start(List<String> jvmOptions, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PLUGBOARD_") || name.startsWith("SPRING_")
                || name.equals("DISCORD_TOKEN") || name.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().put("PLUGBOARD_DATA_DIR", dataDir.toString());
        builder.environment().put("PLUGBOARD_WEB_PORT", "0");
        builder.environment().put("PLUGBOARD_MANAGEMENT_PORT", "0");
        if (arguments.length > 0) {
            builder.environment().put("PLUGBOARD_CONSOLE_ENABLED", "false");
        } else {
            builder.redirectOutput(build.resolve("terminal-" + System.nanoTime() + ".txt").toFile());
        }
        return builder.start();
    }
}
