package org.rightsflow.testsupport;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The pending timers of a request: of every process with its reference as business key, by activity id. */
public final class RequestTimers {

    private RequestTimers() {
    }

    public static Map<String, Date> of(RuntimeService runtime, ManagementService management, String reference) {
        Map<String, Date> dates = new HashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .list()) {
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
                dates.put(management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult().getActivityId(), job.getDuedate());
            }
        }
        return dates;
    }
}
