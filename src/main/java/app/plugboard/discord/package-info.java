/**
 * The Discord edge: the only place that knows JDA. One router receives every interaction and
 * hands it to the transport-neutral conversation; the answers are rendered as JDA messages,
 * embeds, components and modals.
 */
@NullMarked
package app.plugboard.discord;

import org.jspecify.annotations.NullMarked;
