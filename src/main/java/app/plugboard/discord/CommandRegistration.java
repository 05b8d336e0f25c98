package app.plugboard.discord;

import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.CommandSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
import net.dv8tion.jda.api.utils.MiscUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers the conversation's commands once the bot is logged in: in one server when
 * {@code PLUGBOARD_DISCORD_GUILD_ID} is set (instant updates), else globally. They work in
 * servers and in direct messages with the bot. Once per Plugboard, whichever of its shards is ready first (global
 * commands belong to no shard); in one server, by the shard that server is on, so only the Plugboard running it.
 */
@Component
class CommandRegistration extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(CommandRegistration.class);

    private final ChatRouter router;
    private final DiscordProperties properties;
    private final AtomicBoolean registered = new AtomicBoolean();

    CommandRegistration(ChatRouter router, DiscordProperties properties) {
        this.router = router;
        this.properties = properties;
    }

    @Override
    public void onReady(ReadyEvent event) {
        JDA jda = event.getJDA();
        Long guild = properties.guildId();
        if (guild != null && MiscUtil.getShardForGuild(guild, jda.getShardInfo().getShardTotal())
                != jda.getShardInfo().getShardId()) {
            return; // that server's shard registers them, wherever it runs
        }
        if (!registered.compareAndSet(false, true)) {
            return; // another shard's login, or a shard's new session: the commands are there already
        }
        List<SlashCommandData> commands = router.commandSpecs().stream().map(CommandRegistration::toSlashCommand).toList();
        CommandListUpdateAction update = guild == null
                ? jda.updateCommands()
                : jda.getGuildById(guild) != null
                        ? jda.getGuildById(guild).updateCommands()
                        : null;
        if (update == null) {
            log.warn("The bot is not in server {} (PLUGBOARD_DISCORD_GUILD_ID): invite it there first. "
                    + "Commands were not registered.", properties.guildId());
            registered.set(false);
            return;
        }
        update.addCommands(commands).queue(
                done -> log.info("Registered {} command(s) {}.", done.size(),
                        properties.guildId() == null ? "globally" : "in server " + properties.guildId()),
                failure -> {
                    registered.set(false); // the next login of a shard tries again
                    log.error("Could not register the commands", failure);
                });
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
