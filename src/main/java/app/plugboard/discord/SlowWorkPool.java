package app.plugboard.discord;

import app.plugboard.chat.ChatProperties;
import app.plugboard.common.ThreadPools;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bounded pools {@link SlowWork} runs on, each of {@code PLUGBOARD_CHAT_WORKERS} threads and
 * {@code PLUGBOARD_CHAT_QUEUE} tasks waiting (beyond that, "busy, try again"): one for database answers (lists,
 * prompts, deletes), one for connection checks, which wait on servers that may hang until their deadline. Apart,
 * so a few people checking servers that never answer never hold up everyone else's lists.
 */
@Configuration(proxyBeanMethods = false)
class SlowWorkPool {

    static final String NAME = "chatSlowWork";
    static final String CHECKS = "chatChecks";

    @Bean(name = NAME, destroyMethod = "shutdown")
    ExecutorService chatSlowWork(ChatProperties properties) {
        return ThreadPools.bounded("chat-work-", properties.workers(), properties.queue(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean(name = CHECKS, destroyMethod = "shutdown")
    ExecutorService chatChecks(ChatProperties properties) {
        return ThreadPools.bounded("chat-check-", properties.workers(), properties.queue(),
                new ThreadPoolExecutor.AbortPolicy());
    }
}
