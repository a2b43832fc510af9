package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.BATCH_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.optout.OptOutBatches;
import org.springframework.stereotype.Component;

/** Every system has the batch: each opt-out gets its completion date and the emails kept for it are erased. */
@Component("completeOptOutBatch")
class CompleteOptOutBatch implements JavaDelegate {

    private final OptOutBatches batches;

    CompleteOptOutBatch(OptOutBatches batches) {
        this.batches = batches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        batches.complete(((Number) execution.getVariable(BATCH_ID)).longValue());
    }
}
