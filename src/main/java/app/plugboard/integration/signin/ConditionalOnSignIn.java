package app.plugboard.integration.signin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Present when a mail type signs in through OAuth: the operator configured its client (Gmail's,
 * {@code PLUGBOARD_GOOGLE_CLIENT_ID}, or Outlook's, {@code PLUGBOARD_MICROSOFT_CLIENT_ID}). A new OAuth mail
 * type adds its client id to the expression.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnExpression("!'${plugboard.gmail.google.client-id:}'.isBlank() or !'${plugboard.outlook.microsoft.client-id:}'.isBlank()")
public @interface ConditionalOnSignIn {
}
