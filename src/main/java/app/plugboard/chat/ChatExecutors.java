package app.plugboard.chat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bounded thread pools: {@code slow} runs deferred work, {@code quick} runs deadline-bound reads. */
@Configuration(proxyBeanMethods = false)
class ChatExecutors {

    static final String SLOW = "chatSlowWork";
    static final String QUICK = "chatQuickReads";

    @Bean(name = SLOW, destroyMethod = "shutdown")
    ExecutorService slowWork(ChatProperties properties) {
        return bounded("chat-work-", properties.workers(), properties.queue());
    }

    @Bean(name = QUICK, destroyMethod = "shutdown")
    ExecutorService quickReads(ChatProperties properties) {
        return bounded("chat-read-", Math.max(2, properties.workers() / 2), properties.queue());
    }

    private static ExecutorService bounded(String prefix, int threads, int queue) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), factory, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
