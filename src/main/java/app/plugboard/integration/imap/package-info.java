@NullMarked
package app.plugboard.integration.imap;

import org.jspecify.annotations.NullMarked;
