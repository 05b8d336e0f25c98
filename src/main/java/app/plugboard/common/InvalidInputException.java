package app.plugboard.common;

import java.util.List;
import java.util.stream.Collectors;

/** One or more values were refused; each problem names what is wrong and what to do. */
public final class InvalidInputException extends UserFacingException {

    private final List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(InputProblem problem) {
        this(List.of(problem));
    }

    public List<InputProblem> problems() {
        return problems;
    }

    private static String describe(List<InputProblem> problems) {
        return problems.stream().map(InputProblem::toString).collect(Collectors.joining("\n"));
    }
}
