package org.rightsflow.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the step journal. Successes are written in the caller's transaction (they commit with the
 * process step); failures in a transaction of their own, because the process step that failed rolls back and
 * the attempt must stay on record.
 */
@Component
class StepJournal {

    private static final TypeReference<List<TableReport>> TABLES = new TypeReference<>() {
    };

    private final FulfilmentSteps steps;
    private final ConnectedSystems systems;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    StepJournal(FulfilmentSteps steps, ConnectedSystems systems, ObjectMapper json, MeterRegistry meters) {
        this.steps = steps;
        this.systems = systems;
        this.json = json;
        this.meters = meters;
    }

    /** A finished step in one go (a callback's result, an upload), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    FulfilmentStep recordSuccess(String reference, long systemId, ActionResult result, String actor, Instant started,
                                 Instant finished) {
        FulfilmentStep step = steps.save(new FulfilmentStep(reference, systemId, result.action(), statusOf(result),
                result.summary(), write(result.tables()), write(result.remaining()), null, actor, started, finished));
        measure(step);
        return step;
    }

    /**
     * An attempt begins, committed at once: if the application dies during it, the row stays STARTED as the record
     * that the system may have been changed.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    long recordStart(String reference, long systemId, ConnectorAction action, String actor, Instant started) {
        return steps.save(new FulfilmentStep(reference, systemId, action, StepStatus.STARTED, null, null, null, null,
                actor, started, started)).id();
    }

    /** The attempt succeeded; committed with the process step. */
    @Transactional(propagation = Propagation.MANDATORY)
    FulfilmentStep recordFinish(long stepId, ActionResult result, String summary, Instant finished) {
        FulfilmentStep step = steps.findById(stepId).orElseThrow();
        step.finish(statusOf(result), summary, write(result.tables()), write(result.remaining()), null, finished);
        measure(step);
        return step;
    }

    /** The attempt failed; committed on its own, because the process step rolls back and will be retried. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(long stepId, String error, Instant finished) {
        steps.findById(stepId).ifPresent(step -> {
            step.finish(StepStatus.FAILED, null, null, null, error, finished);
            measure(step);
        });
    }

    /**
     * A finished step's duration as {@code rightsflow.connector.step} per system key, action and status: how slow
     * each connected system is and how often it fails, for operators. Keys and enums only, never a subject.
     */
    private void measure(FulfilmentStep step) {
        String system = systems.findById(step.systemId()).map(ConnectedSystem::key).orElse("unknown");
        Timer.builder("rightsflow.connector.step")
                .description("Duration of one connector step in a connected system")
                .tag("system", system).tag("action", step.action().name()).tag("status", step.status().name())
                .register(meters)
                .record(Duration.between(step.startedAt(), step.finishedAt()));
    }

    /** Whether an earlier attempt of this action in this system was left unfinished by a stop or crash. */
    @Transactional(readOnly = true)
    boolean interruptedBefore(String reference, long systemId, ConnectorAction action, long thisStepId) {
        return steps.findByReferenceAndSystemIdOrderByIdAsc(reference, systemId).stream()
                .anyMatch(step -> step.action() == action && step.status() == StepStatus.STARTED
                        && step.id() != thisStepId);
    }

    private static StepStatus statusOf(ActionResult result) {
        return result.status() == ActionResult.Status.AWAITING_CALLBACK
                ? StepStatus.AWAITING_CALLBACK : StepStatus.SUCCEEDED;
    }

    @Transactional(readOnly = true)
    List<StepView> stepsOf(String reference) {
        Map<Long, String> names = systemNames();
        return steps.findByReferenceOrderByIdAsc(reference).stream().map(step -> view(step, names)).toList();
    }

    @Transactional(readOnly = true)
    Optional<StepView> find(long id) {
        return steps.findById(id).map(this::view);
    }

    @Transactional(readOnly = true)
    StepView view(FulfilmentStep step) {
        return view(step, systemNames());
    }

    private StepView view(FulfilmentStep step, Map<Long, String> names) {
        return new StepView(step.id(), step.reference(), step.systemId(),
                names.getOrDefault(step.systemId(), "System " + step.systemId()), step.action(), step.status(),
                step.summary(), read(step.tablesJson()), read(step.remainingJson()), step.error(), step.actor(),
                step.startedAt(), step.finishedAt(), step.durationMs());
    }

    private Map<Long, String> systemNames() {
        return systems.findAll().stream().collect(Collectors.toMap(ConnectedSystem::id, ConnectedSystem::name,
                (a, b) -> a));
    }

    private String write(List<TableReport> tables) {
        try {
            return tables.isEmpty() ? null : json.writeValueAsString(tables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Table reports are plain records", e);
        }
    }

    private List<TableReport> read(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, TABLES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored table report is unreadable", e);
        }
    }

}
