package app.plugboard.chat;

/**
 * Answers the buttons, selects and forms of one route ({@code feature:action}). The event is a
 * {@link ChatEvent.Click}, {@link ChatEvent.Choose} or {@link ChatEvent.FormSubmit}; the id is
 * already decoded. Whatever the id names must be checked against the event's user again.
 */
public interface ComponentHandler {

    String route();

    Response handle(ChatEvent event, ComponentId id);
}
