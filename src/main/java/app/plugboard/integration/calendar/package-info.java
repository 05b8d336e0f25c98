@NullMarked
package app.plugboard.integration.calendar;

import org.jspecify.annotations.NullMarked;
