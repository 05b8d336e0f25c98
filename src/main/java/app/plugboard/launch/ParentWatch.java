package app.plugboard.launch;

import java.time.Duration;

/**
 * The JVM that {@link FastStart} started halts when the JVM that started it is gone without stopping it first
 * (killed with SIGKILL, or crashed): the pair then ends as one process killed would, and never leaves a Plugboard
 * running that nothing owns. (The JDK's {@code onExit} of a process that is not one's child polls with a backoff of
 * up to seconds; a look every 100 ms costs nothing.)
 */
final class ParentWatch {

    static final Duration EVERY = Duration.ofMillis(100);

    private ParentWatch() {
    }

    static void haltWhenGone(String parentPid) {
        long pid;
        try {
            pid = Long.parseLong(parentPid);
        } catch (NumberFormatException e) {
            return;
        }
        Thread watch = new Thread(() -> {
            while (ProcessHandle.current().parent().map(parent -> parent.pid() == pid && parent.isAlive()).orElse(false)) {
                try {
                    Thread.sleep(EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(137);
        }, "fast-start-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
