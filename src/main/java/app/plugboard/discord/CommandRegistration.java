package app.plugboard.discord;

import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.CommandSpec;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers the conversation's commands once the bot is logged in: in one server when
 * {@code PLUGBOARD_DISCORD_GUILD_ID} is set (instant updates), else globally. They work in
 * servers and in direct messages with the bot.
 */
@Component
class CommandRegistration extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(CommandRegistration.class);

    private final ChatRouter router;
    private final DiscordProperties properties;

    CommandRegistration(ChatRouter router, DiscordProperties properties) {
        this.router = router;
        this.properties = properties;
    }

    @Override
    public void onReady(ReadyEvent event) {
        JDA jda = event.getJDA();
        List<SlashCommandData> commands = router.commandSpecs().stream().map(CommandRegistration::toSlashCommand).toList();
        CommandListUpdateAction update = properties.guildId() == null
                ? jda.updateCommands()
                : jda.getGuildById(properties.guildId()) != null
                        ? jda.getGuildById(properties.guildId()).updateCommands()
                        : null;
        if (update == null) {
            log.warn("The bot is not in server {} (PLUGBOARD_DISCORD_GUILD_ID): invite it there first. "
                    + "Commands were not registered.", properties.guildId());
            return;
        }
        update.addCommands(commands).queue(
                done -> log.info("Registered {} command(s) {}.", done.size(),
                        properties.guildId() == null ? "globally" : "in server " + properties.guildId()),
                failure -> log.error("Could not register the commands", failure));
    }

    static SlashCommandData toSlashCommand(CommandSpec spec) {
        SlashCommandData command = Commands.slash(spec.name(), spec.description())
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
        for (CommandSpec.Subcommand sub : spec.subcommands()) {
            SubcommandData subcommand = new SubcommandData(sub.name(), sub.description());
            for (CommandSpec.Parameter parameter : sub.options()) {
                subcommand.addOptions(new OptionData(OptionType.STRING, parameter.name(), parameter.description(),
                        parameter.required(), parameter.autocomplete()).setMaxLength(parameter.maxLength()));
            }
            command.addSubcommands(subcommand);
        }
        return command;
    }
}
