/**
 * Integrations: the {@code Integration} aggregate and {@code IntegrationService}, connection checks,
 * secrets and key rotation, and the small interfaces through which each type, a package of its own
 * beneath this one ({@code imap}, {@code gmail}, {@code calendar}), contributes: its {@code IntegrationType}
 * and {@code SettingsKind}s, its {@code IntegrationSettings} records, their {@code SettingsFormat} (stored
 * names, summary) and their {@code ConnectionProbe}. This package knows no type (a test checks it):
 * {@code SettingsFormats} collects what the types contribute, and a stored type nobody contributes any more
 * is listed, deletable only.
 */
@NullMarked
package app.plugboard.integration;

import org.jspecify.annotations.NullMarked;
