package app.plugboard.integration.outlook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** Present when the operator configured a Microsoft OAuth client ({@code PLUGBOARD_MICROSOFT_CLIENT_ID}). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnExpression("!'${plugboard.outlook.microsoft.client-id:}'.isBlank()")
public @interface ConditionalOnOutlookSignIn {
}
