package app.plugboard.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JVM options that make the lowest Java thread priority mean something on Linux: threads at priority 1 (the
 * watch's background checks) run at nice 19 and take the CPU only when nothing else wants it, so on a small machine
 * a sweep no longer slows the chat; every other priority stays at nice 0, as without these options (HotSpot would
 * otherwise raise its own threads, and as root really would). A JVM ignores thread priorities on Linux without them.
 * Lowering a thread's priority needs no privilege, but the JVM warns on every start that is not root's that
 * {@code -XX:ThreadPriorityPolicy=1} "may require system level permission": {@link #isPolicyWarning} tells that line.
 */
final class ThreadPriorities {

    static final String POLICY = "-XX:ThreadPriorityPolicy=1";
    static final int LOWEST_NICE = 19;

    private ThreadPriorities() {
    }

    /** The options for a JVM on {@code osName} given {@code jvmArguments}; none where the person chose their own. */
    static List<String> options(String osName, List<String> jvmArguments) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux") || jvmArguments.stream().anyMatch(argument ->
                argument.startsWith("-XX:ThreadPriorityPolicy") || argument.contains("_To_OSPriority")
                        || argument.equals("-XX:-UseThreadPriorities"))) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        options.add(POLICY);
        options.add("-XX:JavaPriority1_To_OSPriority=" + LOWEST_NICE);
        for (int priority = 2; priority <= 10; priority++) {
            options.add("-XX:JavaPriority" + priority + "_To_OSPriority=0");
        }
        return options;
    }

    /** The JVM's warning, on a start that is not root's, that the policy may need a privilege lowering does not need. */
    static boolean isPolicyWarning(String line) {
        return line.contains(POLICY + " may require system level permission");
    }
}
