/**
 * Where Plugboard may connect on a person's behalf. Every destination a person types (a mail
 * server, a calendar address) goes through {@link app.plugboard.net.DestinationGuard}: the name is
 * resolved once, every address is checked against the private and special ranges, and the caller
 * connects to the checked address, never to the name again. Every TLS connection to such a server (and
 * to Gmail's IMAP) trusts what {@link app.plugboard.net.TlsTrust} trusts: the JDK's CAs and the
 * operator's one trust store.
 */
@NullMarked
package app.plugboard.net;

import org.jspecify.annotations.NullMarked;
