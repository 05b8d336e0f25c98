package app.plugboard.integration.imap;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationSettings;
import java.util.Optional;

/**
 * How {@link MailAccess} opens the mailbox of an integration whose type is not IMAP mail (Gmail, Outlook):
 * a port this package offers, implemented where such types live.
 */
public interface MailboxSource {

    /**
     * The integration's mailbox, with a credential that works now (an access token renewed if it was about
     * to expire); empty when its settings are not of a type this source knows.
     *
     * @throws MailException when the mailbox cannot be opened now (the owner must sign in again, or the
     *                       provider did not answer)
     */
    Optional<Mailbox> mailbox(UserId owner, IntegrationId id, IntegrationSettings settings);

    /**
     * The server refused the credential {@link #mailbox} gave: the same mailbox with a fresh one, if there
     * is one to try (a token renewed even though it had not expired); empty to give up.
     *
     * @throws MailException when the provider says the access is gone, or did not answer
     */
    default Optional<Mailbox> afterRefusedLogin(UserId owner, IntegrationId id, IntegrationSettings settings) {
        return Optional.empty();
    }
}
