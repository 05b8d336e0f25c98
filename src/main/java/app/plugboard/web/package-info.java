@NullMarked
package app.plugboard.web;

import org.jspecify.annotations.NullMarked;
