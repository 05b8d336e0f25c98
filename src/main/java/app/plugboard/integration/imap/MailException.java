package app.plugboard.integration.imap;

import app.plugboard.common.UserFacingException;
import app.plugboard.integration.CheckResult;

/**
 * A mail server could not be used, in words for its owner: what failed and what to do, the status
 * it means for the integration, and the field to fix. Never carries server or library text.
 */
public final class MailException extends UserFacingException {

    private final CheckResult result;
    private final boolean loginRefused;

    public MailException(CheckResult result) {
        this(result, false);
    }

    MailException(CheckResult result, boolean loginRefused) {
        super(result.message());
        this.result = result;
        this.loginRefused = loginRefused;
    }

    /** Whether the server refused the login (for a token: it may be revoked, or a renewed one may work). */
    boolean loginRefused() {
        return loginRefused;
    }

    /** The problem as a check result: ERROR when the owner must change something, FAILING when it may pass. */
    public CheckResult result() {
        return result;
    }
}
