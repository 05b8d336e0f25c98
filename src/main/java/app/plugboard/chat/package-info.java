/**
 * The conversation, free of any transport: what a person can say (commands, form submits,
 * clicks, choices) and what Plugboard answers (messages, cards, forms, choices). The Discord
 * adapter and the terminal render the same answers; Discord's limits are checked here, once.
 */
@NullMarked
package app.plugboard.chat;

import org.jspecify.annotations.NullMarked;
