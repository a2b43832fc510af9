package org.rightsflow.workflow;

import org.rightsflow.connector.SystemOutcome;

final class WorkflowTexts {

    private WorkflowTexts() {
    }

    static String outcomeLabel(SystemOutcome outcome) {
        return switch (outcome) {
            case DONE -> "done";
            case NO_DATA_FOUND -> "no data about the subject";
            case NOT_DONE -> "not done";
        };
    }
}
