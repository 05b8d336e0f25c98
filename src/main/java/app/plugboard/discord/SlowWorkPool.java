package app.plugboard.discord;

import app.plugboard.chat.ChatProperties;
import app.plugboard.common.ThreadPools;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bounded pools {@link SlowWork} runs on, each with {@code PLUGBOARD_CHAT_QUEUE} tasks waiting at most (beyond
 * that, "busy, try again"): one of {@code PLUGBOARD_CHAT_WORKERS} threads for database answers (lists, prompts,
 * deletes), one of {@value #CHECKS_PER_WORKER} times as many for connection checks, which mostly wait on servers,
 * some of which hang until their deadline. Apart, so people checking servers that never answer hold up neither
 * everyone else's lists nor, until there are very many of them (each has two checks at most), their checks.
 */
@Configuration(proxyBeanMethods = false)
class SlowWorkPool {

    static final String NAME = "chatSlowWork";
    static final String CHECKS = "chatChecks";
    static final int CHECKS_PER_WORKER = 4;

    @Bean(name = NAME, destroyMethod = "shutdown")
    ExecutorService chatSlowWork(ChatProperties properties) {
        return ThreadPools.bounded("chat-work-", properties.workers(), properties.queue(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean(name = CHECKS, destroyMethod = "shutdown")
    ExecutorService chatChecks(ChatProperties properties) {
        return ThreadPools.bounded("chat-check-", CHECKS_PER_WORKER * properties.workers(), properties.queue(),
                new ThreadPoolExecutor.AbortPolicy());
    }
}
