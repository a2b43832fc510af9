package org.rightsflow.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one request stands in its BPMN models, for the privacy officers' request page: the model of the request's own
 * process and that of the per-system work it calls, each with the activities marked. Holds no personal data: models,
 * activity ids and names, and the names of connected systems (the subject is never a process variable).
 *
 * @param pictures the request's own process first, then the called per-system process (one picture per model
 *                 version the request's systems use)
 */
public record RequestDiagram(List<Picture> pictures) {

    /** How an activity is marked. */
    public enum State {
        /** A token waits or works there now. */
        ACTIVE,
        /** It waits there on an open incident (a failed job after its last retry, a missing callback). */
        INCIDENT,
        /** It ran at least once and nothing is there now. */
        DONE
    }

    /**
     * One BPMN model and the marks on it.
     *
     * @param processKey {@link ProcessModel#DATA_SUBJECT_REQUEST} or {@link ProcessModel#FULFIL_IN_SYSTEM}
     * @param bpmnXml    the model exactly as deployed for this request (the version it runs on)
     */
    public record Picture(String processKey, String title, String bpmnXml, List<Mark> marks) {

        public Picture {
            marks = List.copyOf(marks);
        }
    }

    /**
     * One activity in one state, for one system (null in the request's own process). An activity where two systems
     * stand is two marks.
     */
    public record Mark(String activityId, String activityName, State state, String system) {
    }

    /** Where one connected system's part stands: the activities it is at now, and those stopped by an incident. */
    public record SystemPosition(String system, List<String> inProgress, List<String> incidents) {

        public boolean finished() {
            return inProgress.isEmpty() && incidents.isEmpty();
        }
    }

    public RequestDiagram {
        pictures = List.copyOf(pictures);
    }

    /** The marks of every picture that are not {@link State#DONE}: what is going on now, for the text list. */
    public List<Mark> current() {
        return pictures.stream().flatMap(picture -> picture.marks().stream())
                .filter(mark -> mark.state() != State.DONE).toList();
    }

    /** Each system's position, in the order the systems were started. */
    public List<SystemPosition> systems() {
        Map<String, SystemPosition> positions = new LinkedHashMap<>();
        pictures.stream().filter(picture -> ProcessModel.FULFIL_IN_SYSTEM.equals(picture.processKey()))
                .flatMap(picture -> picture.marks().stream())
                .forEach(mark -> {
                    SystemPosition position = positions.computeIfAbsent(mark.system(),
                            name -> new SystemPosition(name, new java.util.ArrayList<>(), new java.util.ArrayList<>()));
                    if (mark.state() == State.ACTIVE) {
                        position.inProgress().add(mark.activityName());
                    } else if (mark.state() == State.INCIDENT) {
                        position.incidents().add(mark.activityName());
                    }
                });
        return positions.values().stream().map(p -> new SystemPosition(p.system(), List.copyOf(p.inProgress()),
                List.copyOf(p.incidents()))).toList();
    }
}
