package app.plugboard.chat;

import app.plugboard.common.ThreadPools;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bounded pool {@link QuickRead} runs deadline-bound reads on. (Discord's slow work has its own
 * pool, at the Discord edge; the terminal runs slow work on its own thread.)
 */
@Configuration(proxyBeanMethods = false)
class ChatExecutors {

    static final String QUICK = "chatQuickReads";

    @Bean(name = QUICK, destroyMethod = "shutdown")
    ExecutorService quickReads(ChatProperties properties) {
        return ThreadPools.bounded("chat-read-", Math.max(2, properties.workers() / 2), properties.queue(),
                new ThreadPoolExecutor.AbortPolicy());
    }
}
