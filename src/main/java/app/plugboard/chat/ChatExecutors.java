package app.plugboard.chat;

import app.plugboard.common.ThreadPools;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
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
        return ThreadPools.bounded(prefix, threads, queue, new ThreadPoolExecutor.AbortPolicy());
    }
}
