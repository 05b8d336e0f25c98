package app.plugboard.integration.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.Action;
import app.plugboard.chat.ActionType;
import app.plugboard.chat.ComponentId;
import app.plugboard.integration.IntegrationId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Component ids of the integration conversation")
class ComponentIdsTest {

    static final IntegrationId ID = IntegrationId.parse("8d6c4a5e-57f5-4a7b-9d4c-3f1f6f2b1a11");

    /** Each action, the id it has always had (buttons already sent keep working), and its type. */
    static final Map<Action, Map.Entry<String, ActionType<?>>> ACTIONS = Map.ofEntries(
            Map.entry(new ListCommand.ShowPage(3), Map.entry("int:page:3", ListCommand.ShowPage.TYPE)),
            Map.entry(new ListCommand.Pick(), Map.entry("int:pick", ListCommand.Pick.TYPE)),
            Map.entry(new EditCommand.ShowChoices(ID), Map.entry("int:edit:" + ID, EditCommand.ShowChoices.TYPE)),
            Map.entry(new EditCommand.Rename(ID, 7), Map.entry("int:rename:" + ID + ":7", EditCommand.Rename.TYPE)),
            Map.entry(new EditCommand.OpenSettingsForm(FormPurpose.CHANGE_URL, ID, 7),
                    Map.entry("int:form:CHANGE_URL:" + ID + ":7", EditCommand.OpenSettingsForm.TYPE)),
            Map.entry(new EditCommand.Reauthenticate(ID), Map.entry("int:reauth:" + ID, EditCommand.Reauthenticate.TYPE)),
            Map.entry(new CheckCommand.CheckNow(ID), Map.entry("int:check:" + ID, CheckCommand.CheckNow.TYPE)),
            Map.entry(new DeleteCommand.Ask(ID), Map.entry("int:del:" + ID, DeleteCommand.Ask.TYPE)),
            Map.entry(new DeleteCommand.Confirm(ID, 7, "a1b2c3d4e5"),
                    Map.entry("int:del-ok:" + ID + ":7:a1b2c3d4e5", DeleteCommand.Confirm.TYPE)),
            Map.entry(new DeleteCommand.MoveThenDelete(ID, 7, "a1b2c3d4e5"),
                    Map.entry("int:del-move:" + ID + ":7:a1b2c3d4e5", DeleteCommand.MoveThenDelete.TYPE)),
            Map.entry(new DeleteCommand.Cancel(ID), Map.entry("int:del-no:" + ID, DeleteCommand.Cancel.TYPE)),
            Map.entry(new SettingsForms.Submit("tok3n_-x"), Map.entry("int:submit:tok3n_-x", SettingsForms.Submit.TYPE)),
            Map.entry(new SettingsForms.Reopen("tok3n_-x"), Map.entry("int:retry:tok3n_-x", SettingsForms.Reopen.TYPE)),
            Map.entry(new WhichOneQuestion.Answer("tok3n_-x"), Map.entry("int:choose:tok3n_-x", WhichOneQuestion.Answer.TYPE)));

    @Test
    @DisplayName("every action encodes to the id it has always had, and decodes from it to itself")
    void roundTrip() {
        ACTIONS.forEach((action, expected) -> {
            assertThat(action.componentId().encode()).as(action.toString()).isEqualTo(expected.getKey());
            assertThat(expected.getValue().decode(ComponentId.parse(expected.getKey()).orElseThrow()))
                    .as(expected.getKey()).isEqualTo(Optional.of(action));
        });
    }

    @Test
    @DisplayName("an id with an argument missing, one too many, or one of the wrong shape decodes to nothing")
    void malformed() {
        for (String id : List.of("int:del-ok:" + ID + ":7", "int:del-ok:" + ID + ":7:a1b2c3d4e5:more",
                "int:del-ok:not-a-uuid:7:a1b2c3d4e5", "int:del-ok:" + ID + ":seven:a1b2c3d4e5")) {
            assertThat(DeleteCommand.Confirm.TYPE.decode(ComponentId.parse(id).orElseThrow())).as(id).isEmpty();
        }
        assertThat(EditCommand.OpenSettingsForm.TYPE.decode(ComponentId.parse("int:form:NO_SUCH:" + ID + ":7").orElseThrow()))
                .isEmpty();
        assertThat(ListCommand.ShowPage.TYPE.decode(ComponentId.parse("int:page:99999999999").orElseThrow())).isEmpty();
    }
}
