package app.plugboard.integration.chat;

import app.plugboard.chat.Limits;
import app.plugboard.chat.PickOption;
import app.plugboard.chat.QuickRead;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The {@code integration} option of edit, check and delete: the caller's own integrations by label
 * (autocomplete matches the type too, and shows it).
 */
@Component
class IntegrationPicker extends PickOption<IntegrationView> {

    static final String OPTION = "integration";

    private final IntegrationService integrations;

    IntegrationPicker(IntegrationService integrations, QuickRead quickRead) {
        super(OPTION, quickRead);
        this.integrations = integrations;
    }

    @Override
    protected List<IntegrationView> own(UserId user) {
        return integrations.list(user);
    }

    @Override
    protected String id(IntegrationView integration) {
        return integration.id().toString();
    }

    @Override
    protected String name(IntegrationView integration) {
        return integration.label();
    }

    @Override
    protected String detail(IntegrationView integration) {
        return integration.type().displayName();
    }

    @Override
    protected boolean matches(IntegrationView integration, String typed) {
        return super.matches(integration, typed) || integration.type().displayName().toLowerCase(Locale.ROOT).contains(typed);
    }

    @Override
    protected String noun() {
        return "integration";
    }

    @Override
    protected boolean isId(String value) {
        try {
            IntegrationId.parse(value);
            return true;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    @Override
    protected String nothingChosen() {
        return "Choose an integration: start typing its label and pick it from the list.";
    }

    @Override
    protected String noneNamed(String typed) {
        return "You have no integration labelled \"" + Limits.fit(typed, 60)
                + "\". Start typing its label and pick it from the list, or see yours with /integration list.";
    }
}
