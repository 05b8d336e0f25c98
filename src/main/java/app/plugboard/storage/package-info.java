@NullMarked
package app.plugboard.storage;

import org.jspecify.annotations.NullMarked;
