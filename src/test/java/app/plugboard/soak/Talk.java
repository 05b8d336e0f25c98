package app.plugboard.soak;

import app.plugboard.chat.ComponentId;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * One conversation of a simulated person (a command, the form it opens, the buttons they click), through
 * the fake Discord: each interaction is sent, its first callback awaited (Discord's three seconds; the fake
 * refuses a late one) and its final answer read, both timed from the dispatch, and every answer that is an
 * error or not what the person had to expect ends the conversation as a {@link Stop}. Closing it makes the
 * fake forget its interactions and messages.
 */
final class Talk implements AutoCloseable {

    /** How long a person waits for a first callback before they count it missed (the fake refuses it after 3 s anyway). */
    static final Duration ACKNOWLEDGEMENT_WAIT = Duration.ofSeconds(10);

    /** The conversation ended early: an error, a missed acknowledgement, or an answer the person could not expect. */
    static final class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    /** A final answer: the callback or edit that carried it, its text, and the interaction. */
    record Answer(String kind, FakeInteraction interaction, Callback first, JsonNode body, String text) {

        boolean isForm() {
            return first.type() == Callback.MODAL;
        }

        /** The message as it stands now, to click on. */
        FakeMessage message() {
            return interaction.message();
        }

        /** The custom id of the button labelled so, on the message as it stands now. */
        String button(String label) {
            return message().button(label).path("custom_id").asString();
        }
    }

    private final FakeDiscord discord;
    private final Figures figures;
    private final Duration answerWait;
    private final List<FakeInteraction> sent = new ArrayList<>();

    Talk(FakeDiscord discord, Figures figures, Duration answerWait) {
        this.discord = discord;
        this.figures = figures;
        this.answerWait = answerWait;
    }

    /**
     * Sends an interaction and waits for its final answer; an error, a missed acknowledgement or a timeout
     * is counted and ends the conversation.
     *
     * @param kind what it is, for the figures: "/integration add", "button int:check"...
     */
    Answer send(String kind, Supplier<FakeInteraction> dispatch) {
        FakeInteraction interaction = dispatch.get();
        sent.add(interaction);
        figures.countSent();
        Callback first;
        try {
            first = interaction.awaitCallback(ACKNOWLEDGEMENT_WAIT);
        } catch (AssertionError none) {
            figures.missed(kind, "no callback within " + ACKNOWLEDGEMENT_WAIT.toSeconds() + " s");
            throw new Stop(kind + ": not acknowledged");
        }
        if (!first.accepted()) {
            figures.missed(kind, "callback refused by Discord: " + first.status() + " code " + first.errorCode());
            throw new Stop(kind + ": acknowledgement refused");
        }
        figures.acknowledged(kind, micros(interaction.timeToFirstCallback()));
        Answer answer;
        if (first.type() == Callback.MODAL || first.type() == Callback.AUTOCOMPLETE_RESULT || Answers.isResult(first.data())) {
            answer = new Answer(kind, interaction, first, first.data(), Answers.text(first.data()));
            figures.answered(kind, micros(interaction.timeToFirstCallback()));
        } else {
            JsonNode edit;
            try {
                edit = interaction.awaitOriginalEdit(Answers::isResult, answerWait);
            } catch (AssertionError none) {
                figures.error(kind, "no final answer within " + answerWait.toSeconds() + " s", "first callback: "
                        + Answers.text(first.data()));
                throw new Stop(kind + ": no final answer");
            }
            answer = new Answer(kind, interaction, first, edit, Answers.text(edit));
            figures.answered(kind, micros(interaction.timeToFirstOriginalEdit()));
        }
        Answers.failure(answer.text()).ifPresent(failure -> {
            figures.error(kind, failure.name(), shorten(answer.text()));
            throw new Stop(kind + ": " + failure.name());
        });
        return answer;
    }

    /** Checks the answer is what the person had to expect; otherwise it counts as an error and the conversation ends. */
    Answer expect(Answer answer, String what, Predicate<Answer> expected) {
        if (!expected.test(answer)) {
            figures.error(answer.kind(), "unexpected answer", "expected " + what + ", got: " + shorten(answer.text()));
            throw new Stop(answer.kind() + ": unexpected answer");
        }
        return answer;
    }

    /** The integration id a result names through one of its buttons ({@code int:check:<id>}, ...). */
    static String idFromButton(Answer answer, String route) {
        for (String customId : answer.message().buttonCustomIds()) {
            var id = ComponentId.parse(customId);
            if (id.isPresent() && id.get().route().equals(route) && !id.get().args().isEmpty()) {
                return id.get().args().get(0);
            }
        }
        throw new Stop("no " + route + " button on: " + shorten(answer.text()));
    }

    static String shorten(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    @Override
    public void close() {
        discord.forget(sent);
    }
}
