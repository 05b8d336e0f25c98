@NullMarked
package app.plugboard.integration.gmail;

import org.jspecify.annotations.NullMarked;
