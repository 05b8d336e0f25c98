package app.plugboard.integration.chat;

import app.plugboard.chat.Action;
import app.plugboard.chat.ActionType;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ComponentRoute;
import app.plugboard.chat.ComponentRoutes;
import app.plugboard.chat.Drafts;
import app.plugboard.chat.Form;
import app.plugboard.chat.Limits;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.Secret;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Opens the forms of the integration conversation and remembers each as a draft, under a random token
 * that the form's id carries; "Try again" reopens a draft's form, prefilled with what was typed except
 * secrets. What a submitted form does is {@link SubmitForm}'s.
 */
@Component
class SettingsForms implements ComponentRoutes {

    /** Submitting the form of a draft. */
    record Submit(String draft) implements Action {
        static final ActionType<Submit> TYPE = ActionType.of(IntegrationCommands.FEATURE, "submit",
                arguments -> new Submit(arguments.text()));

        @Override
        public ComponentId componentId() {
            return TYPE.id(draft);
        }
    }

    /** "Try again": the draft's form once more. */
    record Reopen(String draft) implements Action {
        static final ActionType<Reopen> TYPE = ActionType.of(IntegrationCommands.FEATURE, "retry",
                arguments -> new Reopen(arguments.text()));

        @Override
        public ComponentId componentId() {
            return TYPE.id(draft);
        }
    }

    private final OfferedTypes types;
    private final Drafts drafts;

    SettingsForms(OfferedTypes types, Drafts drafts) {
        this.types = types;
        this.drafts = drafts;
    }

    /** The forms of a type that connects through forms (a draft is only ever opened for one). */
    TypeForms of(IntegrationType type) {
        if (types.wayIn(type).orElse(null) instanceof TypeForms forms) {
            return forms;
        }
        throw new IllegalStateException(type.id() + " has no form");
    }

    Response.ShowForm open(UserId user, FormDraft draft) {
        String token = drafts.open(user, draft.declaring(secretKeys(draft)));
        return new Response.ShowForm(build(draft, token));
    }

    @Override
    public List<ComponentRoute> componentRoutes() {
        return List.of(ComponentRoute.onClick(Reopen.TYPE, (click, reopen) -> reopen(click.user(), reopen.draft())));
    }

    Response.ShowForm reopen(UserId user, String token) {
        return new Response.ShowForm(build(draft(user, token), token));
    }

    FormDraft draft(UserId user, String token) {
        return drafts.get(token, user, FormDraft.class);
    }

    /** Keeps what was typed, without the secret inputs, for "Try again". */
    void remember(UserId user, String token, FormDraft draft, Map<String, String> typed) {
        drafts.update(token, user, draft.declaring(secretKeys(draft)).withTyped(typed));
    }

    /** The values typed into the form's secret inputs: those the person gave now, not kept from before. */
    Set<Secret> typedSecrets(FormDraft draft, Map<String, String> typed) {
        return secretKeys(draft).stream()
                .map(typed::get)
                .filter(value -> value != null && !value.isBlank())
                .map(Secret::of)
                .collect(Collectors.toSet());
    }

    void close(String token) {
        drafts.close(token);
    }

    /** The inputs of a settings form (rename has none), with their labels: what a refusal names. */
    List<Form.Input> inputs(FormDraft draft) {
        return of(draft.type()).inputs(draft.intent().purpose(), draft.kind(), Map.of());
    }

    private Set<String> secretKeys(FormDraft draft) {
        if (draft.intent() == FormDraft.Intent.RENAME) {
            return Set.of();
        }
        return inputs(draft).stream()
                .filter(input -> input instanceof Form.Text text && text.secret())
                .map(Form.Input::key)
                .collect(Collectors.toSet());
    }

    private Form build(FormDraft draft, String token) {
        if (draft.intent() == FormDraft.Intent.RENAME) {
            String current = draft.typed().getOrDefault(IntegrationService.LABEL, draft.label());
            return new Form(new Submit(token), Limits.fit("Rename " + draft.label(), Limits.FORM_TITLE), List.of(
                    Form.Text.required(IntegrationService.LABEL, "New label", IntegrationService.MAX_LABEL_LENGTH)
                            .described("A name you will recognise, such as Work mail.").prefilled(current)));
        }
        String title = switch (draft.intent()) {
            case ADD -> "Add " + draft.type().displayName() + ": " + draft.label();
            case REPLACE_CREDENTIALS -> "New credentials: " + draft.label();
            case CHANGE_URL -> "New address: " + draft.label();
            case SENDING -> "Sending mail: " + draft.label();
            case RENAME -> throw new IllegalStateException("handled above");
        };
        return new Form(new Submit(token), Limits.fit(title, Limits.FORM_TITLE),
                of(draft.type()).inputs(draft.intent().purpose(), draft.kind(), draft.typed()));
    }
}
