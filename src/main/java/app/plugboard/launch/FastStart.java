package app.plugboard.launch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Starts Plugboard in a second JVM that reads the class data sharing archive (or, on JDK 25 and later, the AOT
 * cache) of this build, which starts about twice as fast on a small machine: a JVM can only be given its archive on
 * its command line, so {@code java -jar plugboard.jar} and {@code ./mvnw spring-boot:run} would never use one
 * otherwise. The first start of a new build is the training run: it runs from the extracted jar (Spring Boot's own
 * {@code jarmode=tools extract}) and writes the archive when it ends; every start after it reads it. On Linux the
 * second JVM also gets the options under which the watch's threads run at nice 19 ({@link ThreadPriorities}).
 *
 * <p>This JVM then only waits: it passes its exit code on, a stop (SIGTERM, Ctrl-C) reaches the other JVM, and if this
 * one is killed the other halts too (see {@link ParentWatch}), so the pair behaves as one process. It starts nothing
 * else and loads no Spring class. Off with {@code PLUGBOARD_FAST_START=false}, and whenever the JVM was given an
 * archive, an agent or a debugger of its own, or the build has nowhere to keep its cache: then Plugboard starts in this
 * JVM, as before.
 */
public final class FastStart {

    static final String SETTING = "PLUGBOARD_FAST_START";
    static final String PARENT = "plugboard.fast-start.parent";
    /** How long the other JVM's last lines of standard error may take to be written here after it ended. */
    static final Duration ERRORS_WRITTEN_WITHIN = Duration.ofSeconds(1);

    private FastStart() {
    }

    /**
     * Runs Plugboard in a second JVM when that starts faster.
     *
     * @return that JVM's exit code; empty when Plugboard should start in this one
     */
    public static OptionalInt relaunch(Class<?> mainClass, String[] args) {
        String parent = System.getProperty(PARENT);
        if (parent != null) {
            ParentWatch.haltWhenGone(parent);
            return OptionalInt.empty();
        }
        try {
            HowStarted how = HowStarted.thisJvm(mainClass);
            if (!wanted(how)) {
                return OptionalInt.empty();
            }
            Optional<StartCache> cache = StartCache.of(how);
            return cache.isEmpty() ? OptionalInt.empty() : relaunch(how, cache.get(), mainClass, args);
        } catch (RuntimeException | IOException e) {
            return OptionalInt.empty(); // a start in this JVM is slower, never wrong
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** Whether a second JVM may start Plugboard: nothing the person gave this JVM would be lost or doubled by it. */
    static boolean wanted(HowStarted how) {
        if ("false".equalsIgnoreCase(how.environment().getOrDefault(SETTING, "true").trim())
                || "false".equalsIgnoreCase(System.getProperty("plugboard.fast-start", "true"))) {
            return false;
        }
        return !StartArchive.named(how.jvmArguments()) && how.jvmArguments().stream().noneMatch(argument ->
                argument.startsWith("-agentlib") || argument.startsWith("-agentpath") || argument.startsWith("-javaagent")
                        || argument.startsWith("-Xdebug") || argument.startsWith("-Xrunjdwp"))
                && (how.packagedJar() != null || how.classPath().stream().anyMatch(java.nio.file.Files::isDirectory));
    }

    private static OptionalInt relaunch(HowStarted how, StartCache cache, Class<?> mainClass, String[] args)
            throws IOException, InterruptedException {
        boolean trained = cache.ready() && cache.trained();
        // shared to start from the archive; alone to make it (one started beside it meanwhile starts as before)
        Optional<FileLock> held = cache.hold(trained);
        if (held.isEmpty()) {
            return OptionalInt.empty();
        }
        try (FileChannel lock = held.get().channel()) {
            if (!trained) {
                if (!cache.ready()) {
                    cache.prepare(how);
                    cache.removeOthers();
                }
                if (!cache.mayTrainAgain()) {
                    return OptionalInt.empty();
                }
            }
            List<String> archive = trained ? cache.archive().startFrom(cache.dir()) : cache.archive().recordInto(cache.dir());
            List<String> priorities = ThreadPriorities.options(System.getProperty("os.name", ""), how.jvmArguments());
            ProcessBuilder builder = new ProcessBuilder(command(how, priorities, cache.classPath(), archive,
                    mainClass.getName(), args)).inheritIO();
            if (!priorities.isEmpty()) {
                builder.redirectError(ProcessBuilder.Redirect.PIPE);
            }
            Map<String, String> environment = builder.environment();
            environment.remove("JAVA_TOOL_OPTIONS"); // already among the JVM options passed on
            environment.remove("JDK_JAVA_OPTIONS");
            Process plugboard = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(plugboard), "fast-start-stop"));
            Thread errors = priorities.isEmpty() ? null
                    : FilteredErrors.copy(plugboard.getErrorStream(), System.err, ThreadPriorities::isPolicyWarning);
            int exit = plugboard.waitFor();
            if (errors != null) {
                errors.join(ERRORS_WRITTEN_WITHIN.toMillis());
            }
            return OptionalInt.of(exit);
        }
    }

    static List<String> command(HowStarted how, List<String> priorities, List<String> classPath, List<String> archive,
            String mainClass, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(how.java().toString());
        command.addAll(how.jvmArguments());
        command.addAll(priorities);
        command.addAll(archive);
        command.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classPath));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** This JVM is stopping (SIGTERM, Ctrl-C): so does Plugboard, gracefully, and this JVM waits for it. */
    private static void stop(Process plugboard) {
        if (plugboard.isAlive()) {
            plugboard.destroy();
            try {
                plugboard.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
