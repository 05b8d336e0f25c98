/**
 * The watch: every integration is checked in the background with the probe of "Check now", spread over
 * {@code PLUGBOARD_WATCH_INTERVAL}, and its owner is told once when one breaks or recovers.
 *
 * <p>Checks are scheduled by db-scheduler ({@code WatchScheduler}): one execution per integration in its
 * table {@code scheduled_tasks}, which several Plugboards on one database share (each picks due executions
 * with {@code FOR UPDATE SKIP LOCKED}; an execution whose instance stopped sending heartbeats is taken over).
 * One check ({@code BackgroundCheck}) reads the integration, waits for no server that already has
 * {@code PLUGBOARD_WATCH_PER_HOST} checks ({@code HostLimits}), probes, stores the outcome (a transient failure
 * becomes an error after {@code PLUGBOARD_WATCH_FAILING_GRACE}) and plans the next ({@code CheckPlan}).
 * A change that needs the owner is stored with the status ({@code integration.AlertChanged}) and sent as a
 * direct message after the commit ({@code Notices}). {@code WatchReport} tells the chat's lists the next check
 * and the notices that could not be sent. This package depends on {@code integration}, never the reverse.
 */
@NullMarked
package app.plugboard.watch;

import org.jspecify.annotations.NullMarked;
