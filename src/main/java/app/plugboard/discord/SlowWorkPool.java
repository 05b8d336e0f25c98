package app.plugboard.discord;

import app.plugboard.chat.ChatProperties;
import app.plugboard.common.ThreadPools;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bounded pool {@link SlowWork} runs on: {@code PLUGBOARD_CHAT_WORKERS} threads and
 * {@code PLUGBOARD_CHAT_QUEUE} tasks waiting; beyond that, "busy, try again".
 */
@Configuration(proxyBeanMethods = false)
class SlowWorkPool {

    static final String NAME = "chatSlowWork";

    @Bean(name = NAME, destroyMethod = "shutdown")
    ExecutorService chatSlowWork(ChatProperties properties) {
        return ThreadPools.bounded("chat-work-", properties.workers(), properties.queue(),
                new ThreadPoolExecutor.AbortPolicy());
    }
}
