package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.BATCH_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DATE;
import static org.rightsflow.workflow.ProcessModel.Variables.OVERDUE_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.PURPOSE;
import static org.rightsflow.workflow.ProcessModel.Variables.REFERENCE;
import static org.rightsflow.workflow.ProcessModel.Variables.REMINDER_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.REQUEST_TYPE;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.rightsflow.optout.OptOutBatchCut;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the opt-out-batch process for each batch the ledger cuts, in the transaction that cut it: a batch never
 * exists without the process that carries it out.
 */
@Component
class OptOutBatchStarter {

    private final RuntimeService runtime;
    private final DueDateTimers timers;

    OptOutBatchStarter(RuntimeService runtime, DueDateTimers timers) {
        this.runtime = runtime;
        this.timers = timers;
    }

    @EventListener
    void on(OptOutBatchCut batch) {
        Map<String, Object> dates = timers.variablesFor(batch.dueOn());
        Map<String, Object> variables = new HashMap<>();
        variables.put(REFERENCE, batch.reference());
        variables.put(BATCH_ID, batch.batchId());
        variables.put(PURPOSE, batch.purpose().name());
        variables.put(REQUEST_TYPE, batch.purpose().requestType().name());
        variables.put(DUE_DATE, dates.get(DUE_DATE));
        // Fifteen business days leave room for one reminder: the ladder's second (3 days before), then the alarm.
        variables.put(REMINDER_AT, timers.rungAt(null, batch.dueOn(), DueDateTimers.Rung.SECOND_REMINDER));
        variables.put(OVERDUE_AT, dates.get(OVERDUE_AT));
        runtime.startProcessInstanceByKey(ProcessModel.OPT_OUT_BATCH, batch.reference(), variables);
    }
}
