package app.plugboard.workflow;

import java.util.Objects;
import java.util.UUID;

public record WorkflowId(UUID value) {

    public WorkflowId {
        Objects.requireNonNull(value);
    }

    public static WorkflowId random() {
        return new WorkflowId(UUID.randomUUID());
    }

    public static WorkflowId parse(String text) {
        return new WorkflowId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
