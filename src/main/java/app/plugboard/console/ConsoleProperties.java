package app.plugboard.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether the terminal chat starts when no Discord token is set
 * @param userId the terminal user's fixed identity (the owner of what they add)
 */
@ConfigurationProperties("plugboard.console")
record ConsoleProperties(boolean enabled, long userId) {
}
