package app.plugboard.integration.imap;

import app.plugboard.common.UserFacingException;
import app.plugboard.integration.CheckResult;

/**
 * A mail server could not be used, in words for its owner: what failed and what to do, the status
 * it means for the integration, and the field to fix. Never carries server or library text.
 */
public final class MailException extends UserFacingException {

    private final CheckResult result;

    MailException(CheckResult result) {
        super(result.message());
        this.result = result;
    }

    /** The problem as a check result: ERROR when the owner must change something, FAILING when it may pass. */
    public CheckResult result() {
        return result;
    }
}
