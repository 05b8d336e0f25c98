@NullMarked
package app.plugboard.workflow.chat;

import org.jspecify.annotations.NullMarked;
