package app.plugboard.integration.chat;

import app.plugboard.chat.CommandGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code /integration} command; its subcommands are the {@code ...Command} classes of this package. */
@Configuration(proxyBeanMethods = false)
class IntegrationCommands {

    static final String COMMAND = "integration";
    /** What the component ids of this conversation start with: {@code int:<action>:<ids>}. */
    static final String FEATURE = "int";

    @Bean
    CommandGroup integrationCommand() {
        return new CommandGroup(COMMAND, "Connects the services your assistant uses, and keeps an eye on them");
    }
}
