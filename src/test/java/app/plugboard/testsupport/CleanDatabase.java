package app.plugboard.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a Spring test class: before each test (before its own {@code @BeforeEach} methods), every table
 * of the test context's database is emptied, Flyway's history excepted (see {@link Tables}).
 *
 * <pre>{@code
 * @SpringBootTest
 * @CleanDatabase
 * class WorkflowServiceTest { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CleanDatabaseExtension.class)
public @interface CleanDatabase {
}
