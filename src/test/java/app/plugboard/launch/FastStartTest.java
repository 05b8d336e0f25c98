package app.plugboard.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What decides a fast start, without starting a JVM (FastStartIT starts the packaged jar). */
@DisplayName("Fast start: when a second JVM starts Plugboard, and from what")
class FastStartTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a packaged jar or a classes directory starts through a second JVM; PLUGBOARD_FAST_START=false starts here")
    void wantedUnlessTurnedOff() throws IOException {
        // GIVEN a packaged jar, and a class path with a classes directory, on a plain JVM
        HowStarted jar = started(packagedJar(), List.of(), List.of("-Xmx512m"), Map.of());
        HowStarted classes = started(null, List.of(classesDirectory(), dir.resolve("lib.jar")), List.of("-XX:TieredStopAtLevel=1"),
                Map.of());

        // THEN both start through a second JVM, unless turned off
        assertThat(FastStart.wanted(jar)).isTrue();
        assertThat(FastStart.wanted(classes)).isTrue();
        assertThat(FastStart.wanted(started(packagedJar(), List.of(), List.of(), Map.of("PLUGBOARD_FAST_START", "false")))).isFalse();
        assertThat(FastStart.wanted(started(packagedJar(), List.of(), List.of(), Map.of("PLUGBOARD_FAST_START", " FALSE ")))).isFalse();
        // AND a class path of jars only (a JVM started by FastStart, the Docker image) is started as it is
        assertThat(FastStart.wanted(started(null, List.of(dir.resolve("a.jar"), dir.resolve("b.jar")), List.of(), Map.of()))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-XX:SharedArchiveFile=/app/app.jsa", "-XX:ArchiveClassesAtExit=app.jsa", "-XX:AOTCache=app.aot",
            "-XX:AOTMode=record", "-Xshare:off", "-javaagent:agent.jar", "-agentlib:jdwp=transport=dt_socket,server=y",
            "-Xrunjdwp:transport=dt_socket"})
    @DisplayName("a JVM given its own archive, an agent or a debugger starts Plugboard itself: none of them would reach a second JVM twice or not at all")
    void ownOptionsStartHere(String option) throws IOException {
        assertThat(FastStart.wanted(started(packagedJar(), List.of(), List.of("-Xmx1g", option), Map.of()))).isFalse();
    }

    @Test
    @DisplayName("the second JVM gets this JVM's options, the thread priority options, the archive, its parent's pid, the class path of jars, the main class and the arguments")
    void command() throws IOException {
        // GIVEN a packaged jar started with options and arguments
        HowStarted how = started(packagedJar(), List.of(), List.of("-Xmx512m", "-Dplugboard.x=1"), Map.of());

        // WHEN the command of the second JVM is made from a trained cache
        List<String> command = FastStart.command(how, List.of("-XX:ThreadPriorityPolicy=1"), List.of("/c/app/plugboard.jar"),
                StartArchive.CLASS_DATA_SHARING.startFrom(Path.of("/c")), "app.plugboard.PlugboardApplication",
                new String[] {"reencrypt-secrets", "--server.port=0"});

        // THEN
        assertThat(command).containsExactly(how.java().toString(), "-Xmx512m", "-Dplugboard.x=1", "-XX:ThreadPriorityPolicy=1",
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-Xlog:class+path=off", "-XX:SharedArchiveFile=/c/plugboard.jsa",
                "-Dplugboard.fast-start.parent=" + ProcessHandle.current().pid(), "-cp", "/c/app/plugboard.jar",
                "app.plugboard.PlugboardApplication", "reencrypt-secrets", "--server.port=0");
    }

    @Test
    @DisplayName("on Linux the second JVM runs threads of the lowest priority (the watch's) at nice 19 and every other at 0; "
            + "elsewhere, or where the person chose priority options of their own, it gets none")
    void threadPriorities() {
        assertThat(ThreadPriorities.options("Linux", List.of("-Xmx512m"))).startsWith("-XX:ThreadPriorityPolicy=1",
                "-XX:JavaPriority1_To_OSPriority=19").contains("-XX:JavaPriority2_To_OSPriority=0",
                "-XX:JavaPriority5_To_OSPriority=0", "-XX:JavaPriority10_To_OSPriority=0").hasSize(11);
        assertThat(ThreadPriorities.options("Mac OS X", List.of())).isEmpty();
        assertThat(ThreadPriorities.options("Windows 11", List.of())).isEmpty();
        assertThat(ThreadPriorities.options("Linux", List.of("-XX:ThreadPriorityPolicy=0"))).isEmpty();
        assertThat(ThreadPriorities.options("Linux", List.of("-XX:JavaPriority1_To_OSPriority=10"))).isEmpty();
        assertThat(ThreadPriorities.options("Linux", List.of("-XX:-UseThreadPriorities"))).isEmpty();
    }

    @Test
    @DisplayName("the JVM's warning that the priority policy may need root (lowering a priority does not) is left out of "
            + "what the second JVM writes to standard error; every other line passes byte for byte")
    void priorityWarningLeftOut() throws IOException {
        // GIVEN what a JVM started by someone other than root writes to standard error, then Plugboard's own lines
        String warning = "OpenJDK 64-Bit Server VM warning: -XX:ThreadPriorityPolicy=1 may require system level permission, "
                + "e.g., being the root user. If the necessary permission is not possessed, changes to priority will be "
                + "silently ignored.\n";
        byte[] others = "Plugboard could not start: the port 8080 is taken (PLUGBOARD_WEB_PORT) – café\nno newline at the end"
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream written = new ByteArrayOutputStream();

        // WHEN it is passed on
        FilteredErrors.run(new SequenceInputStream(new ByteArrayInputStream(warning.getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayInputStream(others)), written, ThreadPriorities::isPolicyWarning);

        // THEN the warning is gone and the rest is as it was, the last line too
        assertThat(written.toByteArray()).isEqualTo(others);
    }

    @Test
    @DisplayName("JDK 17 to 24 record and read a class data sharing archive; JDK 25 and later the AOT cache")
    void archivePerJdk() {
        Path cache = Path.of("/c");
        assertThat(StartArchive.forJava(17).recordInto(cache)).endsWith("-XX:ArchiveClassesAtExit=/c/plugboard.jsa");
        assertThat(StartArchive.forJava(24).startFrom(cache)).endsWith("-XX:SharedArchiveFile=/c/plugboard.jsa");
        assertThat(StartArchive.forJava(25).recordInto(cache)).endsWith("-XX:AOTCacheOutput=/c/plugboard.aot")
                .contains("-Xlog:aot=off");
        assertThat(StartArchive.forJava(26).startFrom(cache)).endsWith("-XX:AOTCache=/c/plugboard.aot");
    }

    @Test
    @DisplayName("the cache lives beside the build, one per build and JDK: a rebuilt jar, a changed class or another JDK gets a new one")
    void onePerBuildAndJdk() throws IOException {
        // GIVEN a packaged jar
        Path jar = packagedJar();
        StartCache first = StartCache.of(started(jar, List.of(), List.of(), Map.of())).orElseThrow();

        // THEN its cache is beside it, the same for the same build
        assertThat(first.dir().getParent()).isEqualTo(dir.resolve("plugboard.start"));
        assertThat(first.dir().getFileName().toString()).startsWith("jar-17-");
        assertThat(StartCache.of(started(jar, List.of(), List.of(), Map.of())).orElseThrow().dir()).isEqualTo(first.dir());

        // WHEN the jar is rebuilt, or another JDK runs it THEN the cache is another
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        assertThat(StartCache.of(started(jar, List.of(), List.of(), Map.of())).orElseThrow().dir()).isNotEqualTo(first.dir());
        HowStarted jdk25 = new HowStarted(jar, List.of(), List.of(), Path.of("/jdk25"), "25.0.1+8", 25, Map.of());
        assertThat(StartCache.of(jdk25).orElseThrow().dir().getFileName().toString()).startsWith("jar-25-");

        // AND a class changed in a classes directory changes the cache of spring-boot:run
        Path classes = classesDirectory();
        HowStarted run = started(null, List.of(classes), List.of(), Map.of());
        Path before = StartCache.of(run).orElseThrow().dir();
        Files.writeString(classes.resolve("app/plugboard/Changed.class"), "changed");
        Path after = StartCache.of(run).orElseThrow().dir();
        assertThat(after).isNotEqualTo(before);
        assertThat(after.getParent()).isEqualTo(dir.resolve("plugboard.start"));
    }

    @Test
    @DisplayName("a classes directory becomes a jar with its directories listed (Spring finds components by listing them), before the other jars")
    void classesBecomeAJar() throws Exception {
        // GIVEN spring-boot:run's class path: classes, then a dependency jar
        Path classes = classesDirectory();
        Path dependency = Files.writeString(dir.resolve("dependency.jar"), "a jar");
        StartCache cache = StartCache.of(started(null, List.of(classes, dependency), List.of(), Map.of())).orElseThrow();

        // WHEN it is prepared
        cache.prepare(started(null, List.of(classes, dependency), List.of(), Map.of()));

        // THEN the class path starts with the classes' jar, holding the class and its package's directories
        assertThat(cache.ready()).isTrue();
        assertThat(cache.trained()).isFalse();
        assertThat(cache.classPath()).containsExactly(cache.dir().resolve("classes-0.jar").toString(), dependency.toString());
        try (JarFile jar = new JarFile(cache.dir().resolve("classes-0.jar").toFile())) {
            assertThat(Collections.list(jar.entries()).stream().map(entry -> entry.getName()))
                    .contains("app/", "app/plugboard/", "app/plugboard/Main.class", "application.yml");
        }
    }

    @Test
    @DisplayName("training is tried twice at most: a JDK that cannot write the archive gets a normal start after that")
    void trainingTriedTwice() throws IOException {
        StartCache cache = StartCache.of(started(packagedJar(), List.of(), List.of(), Map.of())).orElseThrow();
        Files.createDirectories(cache.dir());

        assertThat(cache.mayTrainAgain()).isTrue();
        assertThat(cache.mayTrainAgain()).isTrue();
        assertThat(cache.mayTrainAgain()).isFalse();
    }

    @Test
    @DisplayName("one Plugboard prepares a cache; another started beside it meanwhile starts as before instead of waiting")
    void oneMakesTheCache() throws IOException {
        StartCache cache = StartCache.of(started(packagedJar(), List.of(), List.of(), Map.of())).orElseThrow();
        try (var making = cache.hold(false).orElseThrow().channel()) {
            assertThat(cache.hold(false)).isEmpty();
        }
        assertThat(cache.hold(true)).isPresent();
    }

    private HowStarted started(Path jar, List<Path> classPath, List<String> options, Map<String, String> environment) {
        return new HowStarted(jar, classPath, options, Path.of("/jdk17"), "17.0.15+6", 17, environment);
    }

    private Path packagedJar() throws IOException {
        Path jar = dir.resolve("plugboard.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "a packaged jar");
        }
        return jar;
    }

    private Path classesDirectory() throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("app/plugboard"));
        Files.writeString(classes.resolve("app/plugboard/Main.class"), "bytes");
        Files.writeString(classes.resolve("application.yml"), "plugboard: {}");
        return classes;
    }
}
