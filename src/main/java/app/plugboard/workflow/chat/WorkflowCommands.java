package app.plugboard.workflow.chat;

import app.plugboard.chat.CommandGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkflowCommands {

    static final String COMMAND = "workflow";
    static final String FEATURE = "wf";

    @Bean
    CommandGroup workflowCommand() {
        return new CommandGroup(COMMAND, "Your assistant's workflows and the integrations they use");
    }
}
