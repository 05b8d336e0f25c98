package app.plugboard.common;

import java.util.List;
import java.util.stream.Collectors;

/** One or more fields were refused; each problem names its field and what to do. */
public final class InvalidInputException extends UserFacingException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(FieldProblem problem) {
        this(List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    private static String describe(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::toString).collect(Collectors.joining("\n"));
    }
}
