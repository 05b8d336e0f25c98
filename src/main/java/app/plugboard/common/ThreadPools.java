package app.plugboard.common;

import java.util.concurrent.ArrayBlockingQueue;
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

    private ThreadPools() {
    }

    /** Daemon threads named {@code prefix} and a number from 1. */
    public static ThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        return factory;
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
