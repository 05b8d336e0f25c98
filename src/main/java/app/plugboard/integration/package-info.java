@NullMarked
package app.plugboard.integration;

import org.jspecify.annotations.NullMarked;
