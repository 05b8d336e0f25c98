package app.plugboard.integration.chat;

import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ExpiredException;
import app.plugboard.integration.IntegrationId;

/** The component ids of the integration conversation: {@code int:<action>:<ids>}. */
final class Ids {

    static final String FEATURE = "int";
    static final String PAGE = "page";
    static final String PICK = "pick";
    static final String EDIT = "edit";
    static final String RENAME = "rename";
    static final String SETTINGS_FORM = "form";
    static final String REAUTHENTICATE = "reauth";
    static final String CHECK = "check";
    static final String DELETE = "del";
    static final String DELETE_CONFIRM = "del-ok";
    static final String DELETE_CANCEL = "del-no";
    static final String DELETE_MOVE = "del-move";
    static final String SUBMIT = "submit";
    static final String RETRY = "retry";
    static final String CHOOSE = "choose";

    private Ids() {
    }

    static String route(String action) {
        return FEATURE + ":" + action;
    }

    static ComponentId page(int page) {
        return ComponentId.of(FEATURE, PAGE, page);
    }

    static ComponentId pick() {
        return ComponentId.of(FEATURE, PICK);
    }

    static ComponentId of(String action, IntegrationId id) {
        return ComponentId.of(FEATURE, action, id);
    }

    static ComponentId of(String action, IntegrationId id, long version) {
        return ComponentId.of(FEATURE, action, id, version);
    }

    /** Carries what the question showed: the integration's version and the fingerprint of the workflows using it. */
    static ComponentId deleteConfirm(IntegrationId id, long version, String fingerprint) {
        return ComponentId.of(FEATURE, DELETE_CONFIRM, id, version, fingerprint);
    }

    static ComponentId deleteMove(IntegrationId id, long version, String fingerprint) {
        return ComponentId.of(FEATURE, DELETE_MOVE, id, version, fingerprint);
    }

    static ComponentId settingsForm(FormPurpose purpose, IntegrationId id, long version) {
        return ComponentId.of(FEATURE, SETTINGS_FORM, purpose.name(), id, version);
    }

    static ComponentId submit(String draft) {
        return ComponentId.of(FEATURE, SUBMIT, draft);
    }

    static ComponentId choose(String pick) {
        return ComponentId.of(FEATURE, CHOOSE, pick);
    }

    static ComponentId retry(String draft) {
        return ComponentId.of(FEATURE, RETRY, draft);
    }

    static IntegrationId integration(ComponentId id, int index) {
        try {
            return IntegrationId.parse(id.arg(index));
        } catch (IllegalArgumentException e) {
            throw new ExpiredException();
        }
    }

    static long number(ComponentId id, int index) {
        try {
            return Long.parseLong(id.arg(index));
        } catch (NumberFormatException e) {
            throw new ExpiredException();
        }
    }

    static FormPurpose purpose(ComponentId id, int index) {
        try {
            return FormPurpose.valueOf(id.arg(index));
        } catch (IllegalArgumentException e) {
            throw new ExpiredException();
        }
    }
}
