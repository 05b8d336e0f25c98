package app.plugboard.integration.chat;

import app.plugboard.integration.IntegrationType;

/**
 * How a person connects an integration of one type in the chat: by filling the type's form
 * ({@link TypeForms}), or by following a link to sign in at its service ({@link SignInLink}). One bean per
 * type, in the type's package; its {@code @Order} places the type among the others wherever the chat lists
 * them ({@link OfferedTypes}).
 */
public sealed interface WayIn permits TypeForms, SignInLink {

    IntegrationType type();
}
