package app.plugboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeUser;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** What {@link DiscordTest} does around each test; see there. */
class DiscordTestExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DiscordTestExtension.class);

    /** How many records the fake held when the test started. */
    private record Seen(int rejections, int unknownRoutes, int fakeFailures) {
        static Seen now(FakeDiscord discord) {
            return new Seen(discord.rejections().size(), discord.unknownRoutes().size(), discord.fakeFailures().size());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException, IllegalAccessException {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        FakeDiscord discord = application.getBean(FakeDiscord.class);
        ShardsReady.await(application.getBean(ShardManager.class));
        discord.awaitRegisteredCommands();
        for (Object test : context.getRequiredTestInstances().getAllInstances()) { // with @Nested, the outer ones too
            for (Field field : userFields(test.getClass())) {
                field.setAccessible(true);
                field.set(test, discord.user(field.getName()));
            }
        }
        context.getStore(NAMESPACE).put(Seen.class, Seen.now(discord));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FakeDiscord discord = SpringExtension.getApplicationContext(context).getBean(FakeDiscord.class);
        Seen before = context.getStore(NAMESPACE).get(Seen.class, Seen.class);
        assertThat(since(discord.rejections(), before.rejections()))
                .as("requests Discord would refuse: late (10062) or double (40060) acknowledgements, invalid bodies").isEmpty();
        assertThat(since(discord.unknownRoutes(), before.unknownRoutes())).as("requests to routes the fake does not know").isEmpty();
        assertThat(since(discord.fakeFailures(), before.fakeFailures())).as("requests the fake could not handle").isEmpty();
        assertThat(discord.endPlannedFailures()).as("failures planned with failNext that no request met").isEmpty();
    }

    private static List<Field> userFields(Class<?> testClass) {
        return ReflectionSupport.findFields(testClass, field -> field.getType() == FakeUser.class
                && !Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers()),
                HierarchyTraversalMode.TOP_DOWN);
    }

    private static <T> List<T> since(List<T> records, int seenBefore) {
        return records.subList(Math.min(seenBefore, records.size()), records.size());
    }
}
