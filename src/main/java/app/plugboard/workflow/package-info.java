@NullMarked
package app.plugboard.workflow;

import org.jspecify.annotations.NullMarked;
