package app.plugboard.workflow.chat;

import app.plugboard.chat.CommandGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code /workflow} command; its subcommands are the {@code ...Command} classes of this package. */
@Configuration(proxyBeanMethods = false)
class WorkflowCommands {

    static final String COMMAND = "workflow";
    /** What the component ids of this conversation start with: {@code wf:<action>:<ids>}. */
    static final String FEATURE = "wf";

    @Bean
    CommandGroup workflowCommand() {
        return new CommandGroup(COMMAND, "Keeps your assistant's workflows, and which integrations each uses");
    }
}
