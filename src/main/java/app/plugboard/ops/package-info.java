/**
 * What an operator sees of Plugboard: metrics (Micrometer, served as {@code /actuator/prometheus} on a
 * management port of its own, on loopback unless configured, never on the public web port) and the log
 * format ({@code PLUGBOARD_LOG_FORMAT=json}: Spring Boot's structured logging, ECS). The features declare
 * small ports ({@code chat.InteractionObserver}, {@code integration.CheckObserver},
 * {@code integration.signin.SignInObserver}, {@code discord.DiscordObserver}) and this package implements them
 * with meters; nothing depends on this package, and Micrometer stays here.
 */
@NullMarked
package app.plugboard.ops;

import org.jspecify.annotations.NullMarked;
