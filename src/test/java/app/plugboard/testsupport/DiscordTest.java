package app.plugboard.testsupport;

import app.plugboard.discord.fake.FakeDiscord;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A Spring Boot test whose Plugboard is logged in to a fake Discord: the real JDA client, over the
 * wire, to a {@link FakeDiscord} on loopback that the context owns (started with it, closed after its
 * JDA). Classes with the same extra configuration ({@code properties}, {@code @Import}s...) share one
 * context, and so one fake Discord and one logged-in bot.
 *
 * <p>Before each test: the bot is online (JDA ready, its commands registered), the database is empty
 * ({@link CleanDatabase}), and every {@code FakeUser} field of the test is a fresh user named after the
 * field. After each test: Discord's rules held, that is, the fake refused nothing during the test (no
 * acknowledgement later than 3 s or a second one, no invalid body), and saw no request it cannot answer;
 * and every failure the test planned ({@link FakeDiscord#failNext}) happened.
 *
 * <pre>{@code
 * @DiscordTest
 * class HelpTest {
 *     @Autowired FakeDiscord discord;
 *     FakeUser alice;
 *
 *     @Test
 *     void help() {
 *         Callback answer = discord.slash(alice, "integration", "help", Map.of()).awaitCallback();
 *         assertThat(answer.content()).contains("connects the services your assistant uses");
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@CleanDatabase
@ExtendWith(DiscordTestExtension.class)
public @interface DiscordTest {

    /** Extra properties of this context, as {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};

    /** As {@link SpringBootTest#webEnvironment()}. */
    @AliasFor(annotation = SpringBootTest.class)
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;
}
