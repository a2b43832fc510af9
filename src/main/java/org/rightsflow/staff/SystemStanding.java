package org.rightsflow.staff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rightsflow.connector.FulfilmentResultView;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.workflow.RequestDiagram;

/**
 * Where one connected system stands in a request, for the facts at the top of the request page: stopped by an
 * incident, at work (and at which step), or finished with its recorded outcome.
 *
 * @param activities the steps it stands at (incident or in progress); empty when finished
 * @param outcome    what it reported; null while it has not
 */
record SystemStanding(String system, State state, List<String> activities, SystemOutcome outcome) {

    enum State { INCIDENT, IN_PROGRESS, FINISHED }

    /**
     * The systems of the request's process, in the order they were started, and any system with a result that the
     * process does not show (its history purged): results are matched by the system's name, as the process knows it.
     */
    static List<SystemStanding> of(RequestDiagram diagram, List<FulfilmentResultView> results) {
        Map<String, SystemOutcome> outcomes = new LinkedHashMap<>();
        results.forEach(result -> outcomes.put(result.systemName(), result.outcome()));
        List<SystemStanding> standings = new ArrayList<>();
        if (diagram != null) {
            for (RequestDiagram.SystemPosition position : diagram.systems()) {
                SystemOutcome outcome = outcomes.remove(position.system());
                if (!position.incidents().isEmpty()) {
                    standings.add(new SystemStanding(position.system(), State.INCIDENT, position.incidents(), outcome));
                } else if (!position.inProgress().isEmpty()) {
                    standings.add(new SystemStanding(position.system(), State.IN_PROGRESS, position.inProgress(),
                            outcome));
                } else {
                    standings.add(new SystemStanding(position.system(), State.FINISHED, List.of(), outcome));
                }
            }
        }
        outcomes.forEach((system, outcome) -> standings.add(new SystemStanding(system, State.FINISHED, List.of(),
                outcome)));
        return standings;
    }
}
