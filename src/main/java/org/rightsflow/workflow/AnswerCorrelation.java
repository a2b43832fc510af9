package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.COMPLETED_BY;
import static org.rightsflow.workflow.ProcessModel.Variables.OUTCOME;
import static org.rightsflow.workflow.ProcessModel.Variables.RESULT_SUMMARY;

import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.rightsflow.connector.AnswerNotAwaited;
import org.rightsflow.connector.SystemAnswered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Resumes the process instance of one system with a late answer (an http callback, a processor's confirmation),
 * in the receiving transaction. If nothing waits any more, the answer is refused and rolled back.
 */
@Component
class AnswerCorrelation {

    private final RuntimeService runtime;

    AnswerCorrelation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(SystemAnswered answer) {
        try {
            runtime.createMessageCorrelation(ProcessModel.MESSAGE_SYSTEM_ANSWERED)
                    .processInstanceId(answer.processInstanceId())
                    .setVariables(Map.of(OUTCOME, answer.outcome().name(), RESULT_SUMMARY, answer.summary(),
                            COMPLETED_BY, answer.answeredBy()))
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            throw new AnswerNotAwaited(answer.reference());
        }
    }
}
