@NullMarked
package app.plugboard.common;

import org.jspecify.annotations.NullMarked;
