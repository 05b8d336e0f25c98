@NullMarked
package app.plugboard.integration.chat;

import org.jspecify.annotations.NullMarked;
