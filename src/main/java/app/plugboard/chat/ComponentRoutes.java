package app.plugboard.chat;

import java.util.List;

/**
 * A bean that shows buttons, selects or forms and answers them: usually the command whose conversation
 * they belong to. The router collects every route at start and refuses two for one {@code feature:name}.
 */
public interface ComponentRoutes {

    List<ComponentRoute> componentRoutes();
}
