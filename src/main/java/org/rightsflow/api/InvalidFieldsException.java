package org.rightsflow.api;

import java.util.List;

class InvalidFieldsException extends RuntimeException {

    private final List<FieldProblem> problems;

    InvalidFieldsException(List<FieldProblem> problems) {
        super("Invalid fields");
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
