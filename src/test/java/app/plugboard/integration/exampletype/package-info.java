/**
 * Notes: an integration type that exists only in the tests, added the way the README's checklist says (its
 * type and kind, a settings record, its storage format, a form, a probe) and nothing else, to show that a
 * type is a package of its own. Its beans come through {@code NotesType}, imported by the test that uses it.
 */
@NullMarked
package app.plugboard.integration.exampletype;

import org.jspecify.annotations.NullMarked;
