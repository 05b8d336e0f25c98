package app.plugboard.badinput;

import app.plugboard.common.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Someone in the conversation, as the properties set them up: their integrations and workflows, by label and
 * name, with their ids.
 *
 * @param secrets what only this person's answers may show: their labels, names, servers, logins and ids
 */
record Person(UserId user, Map<String, String> integrations, Map<String, String> workflows, List<String> secrets) {

    Person {
        integrations = Map.copyOf(integrations);
        workflows = Map.copyOf(workflows);
        secrets = List.copyOf(secrets);
    }

    String integration(String label) {
        return integrations.get(label);
    }

    String workflow(String name) {
        return workflows.get(name);
    }

    /** The ids of their things, integrations and workflows. */
    List<String> ids() {
        List<String> ids = new ArrayList<>(integrations.values());
        ids.addAll(workflows.values());
        return ids;
    }
}
