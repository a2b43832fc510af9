package org.rightsflow.workflow;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.rightsflow.support.RetainedRecords;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Camunda's history of a request's processes (the request and its appeal: activities, tasks, variables, identity
 * links) goes with the request at the end of its retention period, which may come before the models' own history
 * time to live (730 days) that Camunda's nightly cleanup keeps to. Only ended processes: a request past its period
 * is closed, and its processes with it.
 */
@Component
@Order(10)
class ProcessHistoryRetention implements RetainedRecords {

    private final HistoryService history;

    ProcessHistoryRetention(HistoryService history) {
        this.history = history;
    }

    @Override
    public String kind() {
        return "process histories";
    }

    @Override
    public int removeOf(Collection<String> references) {
        List<String> ended = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyIn(references.toArray(String[]::new))
                .finished()
                .list().stream()
                .map(HistoricProcessInstance::getId)
                .toList();
        if (!ended.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(ended);
        }
        return ended.size();
    }
}
