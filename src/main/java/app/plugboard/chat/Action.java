package app.plugboard.chat;

/**
 * What a button, select or form does, with the ids it needs and nothing else (an integration id, the
 * version that was shown, a page number, a draft token): a small record that encodes itself into its
 * {@link ComponentId}. Its {@link ActionType} decodes it again when the component is used.
 */
public interface Action {

    ComponentId componentId();
}
