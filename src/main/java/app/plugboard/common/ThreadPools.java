package app.plugboard.common;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The one way Plugboard makes its threads: daemon threads (they never keep the JVM alive) named
 * after their pool and numbered ({@code chat-work-1}, {@code chat-work-2}...), so a thread dump or a
 * log line says whose work it is.
 */
public final class ThreadPools {

    static final long IDLE_SECONDS = 60;
    private static final Set<String> LOW_PRIORITY_POOLS = ConcurrentHashMap.newKeySet();

    private ThreadPools() {
    }

    /** Daemon threads named {@code prefix} and a number from 1. */
    public static ThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        return factory;
    }

    /**
     * A pool of {@code threads} daemon threads at the lowest priority, for work that can wait while people are answered
     * (the watch's checks). A JVM passes a thread's priority on to Linux only with the options the fast start gives the
     * JVM it starts (there: nice 19, the CPU only when nothing else wants it); otherwise priorities change nothing.
     * After each task, a thread that took the lowest priority from a task of this pool gets the normal one back: a new
     * thread takes its maker's priority, so a library's thread started during a check (OkHttp's task runner, which JDA
     * shares, was one) would keep the lowest for all its later work, people's too.
     */
    public static ThreadPoolExecutor lowPriority(String prefix, int threads) {
        LOW_PRIORITY_POOLS.add(prefix);
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        factory.setThreadPriority(Thread.MIN_PRIORITY);
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory) {
            @Override
            protected void afterExecute(Runnable task, Throwable failure) {
                restoreInheritedPriorities();
            }
        };
    }

    /**
     * Puts every thread that has the lowest priority without being of a low-priority pool back to the normal one.
     *
     * @return how many it put back
     */
    static int restoreInheritedPriorities() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        int restored = 0;
        for (int i = 0; i < count; i++) {
            Thread thread = threads[i];
            if (thread.getPriority() == Thread.MIN_PRIORITY
                    && LOW_PRIORITY_POOLS.stream().noneMatch(prefix -> thread.getName().startsWith(prefix))) {
                thread.setPriority(Thread.NORM_PRIORITY);
                restored++;
            }
        }
        return restored;
    }

    /**
     * A pool of at most {@code threads} daemon threads (each ends after a minute without work) and at
     * most {@code queue} tasks waiting; a task beyond that goes to {@code whenFull}.
     */
    public static ThreadPoolExecutor bounded(String prefix, int threads, int queue, RejectedExecutionHandler whenFull) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), daemonThreads(prefix), whenFull);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
