/** The terminal: the same conversation as in Discord, for a machine without a Discord token. */
@NullMarked
package app.plugboard.console;

import org.jspecify.annotations.NullMarked;
