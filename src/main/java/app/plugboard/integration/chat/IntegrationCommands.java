package app.plugboard.integration.chat;

import app.plugboard.chat.CommandGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IntegrationCommands {

    static final String COMMAND = "integration";

    @Bean
    CommandGroup integrationCommand() {
        return new CommandGroup(COMMAND, "Connect and manage the services your assistant uses");
    }
}
