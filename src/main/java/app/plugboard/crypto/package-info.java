@NullMarked
package app.plugboard.crypto;

import org.jspecify.annotations.NullMarked;
