package app.plugboard.integration.gmail;

import app.plugboard.chat.Message;
import app.plugboard.chat.Notifier;
import app.plugboard.common.UserId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;

/** The chat, as far as notices go, for tests without a transport: it keeps what it was told. */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingNotifier implements Notifier {

    public record Notice(UserId user, Message message, @Nullable String replyKey) {
    }

    private final List<Notice> notices = new CopyOnWriteArrayList<>();

    @Override
    public void notify(UserId user, Message message, @Nullable String replyKey) {
        notices.add(new Notice(user, message, replyKey));
    }

    public List<Notice> notices() {
        return List.copyOf(notices);
    }

    public void clear() {
        notices.clear();
    }
}
