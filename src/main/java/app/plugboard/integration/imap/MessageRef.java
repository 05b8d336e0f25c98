package app.plugboard.integration.imap;

/**
 * Which message, durably: its folder, the folder's UIDVALIDITY and the message's UID. A reference
 * whose folder was rebuilt since (another UIDVALIDITY) finds nothing rather than another message.
 */
public record MessageRef(String folder, long uidValidity, long uid) {
}
