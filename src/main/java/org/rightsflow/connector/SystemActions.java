package org.rightsflow.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs an action in a connected system and keeps the record of it: counts, duration, errors, and (encrypted) the
 * data an access step found. Called by the process, one step per job, so a failure is retried and then becomes an
 * incident while its attempt stays in the journal.
 */
@Service
public class SystemActions {

    private final SystemRegistry registry;
    private final StepJournal journal;
    private final AccessDataStore accessData;
    private final ObjectMapper json;
    private final Clock clock;

    SystemActions(SystemRegistry registry, StepJournal journal, AccessDataStore accessData, ObjectMapper json,
                  Clock clock) {
        this.registry = registry;
        this.journal = journal;
        this.accessData = accessData;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.clock = clock;
    }

    /**
     * Performs the action in the system and records the step in the caller's transaction.
     *
     * @throws ConnectorException when the system failed; the failed attempt is recorded in a transaction of its own
     */
    @Transactional
    public StepView perform(String reference, long systemId, ConnectorAction action, ActionContext context,
                            String actor) {
        SystemDefinition system = registry.definition(systemId);
        AutomatedConnector connector = connectorOf(system);
        return journaled(reference, systemId, system, action, actor,
                () -> connector.perform(system, action, context));
    }

    /**
     * Carries out a batch of opt-outs or limits of sensitive data use in the system and records it as one step under
     * the batch's reference, exactly as {@link #perform} records a request's step: started (committed at once),
     * then failed (in a transaction of its own) or finished (in the caller's transaction). One step per system and
     * attempt.
     *
     * @throws ConnectorException when the system failed or cannot take batches; the failed attempt is recorded
     */
    @Transactional
    public StepView performBatch(long systemId, BatchContext batch, String actor) {
        SystemDefinition system = registry.definition(systemId);
        AutomatedConnector connector = connectorOf(system);
        return journaled(batch.reference(), systemId, system, batch.action(), actor,
                () -> connector.performBatch(system, batch));
    }

    /**
     * Hands every person the system holds to {@code sink} (see {@link AutomatedConnector#scanIdentities}), for the
     * guard that looks for erased people coming back. Runs outside any transaction of Rightsflow's: a scan of a large
     * system takes a while and changes nothing here. Ask {@link SystemRegistry#canScanIdentities} first.
     *
     * @throws ConnectorException when the system cannot be read or cannot list its people
     */
    public void scanIdentities(long systemId, Consumer<DataSubject> sink) {
        SystemDefinition system = registry.definition(systemId);
        connectorOf(system).scanIdentities(system, sink);
    }

    private AutomatedConnector connectorOf(SystemDefinition system) {
        return registry.connectorFor(system.kind()).orElseThrow(() -> new ConnectorException(
                "System " + system.key() + " (" + system.kind().yamlName() + ") is not reached by a connector"));
    }

    /** Runs the work as one journaled step: started, then failed or finished. */
    private StepView journaled(String reference, long systemId, SystemDefinition system, ConnectorAction action,
                               String actor, Supplier<ActionResult> work) {
        long stepId = journal.recordStart(reference, systemId, action, actor, clock.instant());
        ActionResult result;
        try {
            result = work.get();
        } catch (RuntimeException failure) {
            String message = failure instanceof ConnectorException ? failure.getMessage()
                    : "Unexpected " + failure.getClass().getSimpleName() + " in " + system.key();
            journal.recordFailure(stepId, message, clock.instant());
            throw failure instanceof ConnectorException known ? known : new ConnectorException(message, failure);
        }
        String summary = result.summary();
        if (changedNothing(result) && journal.interruptedBefore(reference, systemId, action, stepId)) {
            // The system committed an earlier attempt's change, then the application died before recording it: this
            // attempt rightly finds nothing left to do, and the record must not read as if nothing had been done.
            summary = "Carried out by an earlier attempt that a restart interrupted before it was recorded; checked "
                    + "again now: " + summary;
        }
        FulfilmentStep step = journal.recordFinish(stepId, result, summary, clock.instant());
        storeAccessData(reference, system, step, result);
        return journal.view(step);
    }

    /** An effectful action whose result changed nothing in the system. */
    private static boolean changedNothing(ActionResult result) {
        return (result.action() == ConnectorAction.ERASE || result.action() == ConnectorAction.OPT_OUT
                || result.action() == ConnectorAction.LIMIT_USE || result.action() == ConnectorAction.CORRECT)
                && result.status() == ActionResult.Status.DONE
                && result.tables().stream().allMatch(t -> t.rowsDeleted() == 0 && t.rowsUpdated() == 0
                        && t.fieldsMasked() == 0);
    }

    /** Records a result that arrived later (an http system's callback) as a step of its own. */
    @Transactional
    public StepView recordAnswer(String reference, long systemId, ActionResult result, String actor) {
        Instant now = clock.instant();
        return record(reference, registry.definition(systemId), systemId, result, actor, now);
    }

    /** A file a system owner uploaded for an access request, kept encrypted like connector results. */
    @Transactional
    public StepView recordUpload(String reference, long systemId, String fileName, String mediaType, byte[] content,
                                 String actor) {
        Instant now = clock.instant();
        ActionResult result = new ActionResult(ConnectorAction.ACCESS, ActionResult.Status.DONE, List.of(), List.of(),
                Map.of(), "Uploaded " + fileName + " (" + content.length + " bytes)");
        FulfilmentStep step = journal.recordSuccess(reference, systemId, result, actor, now, now);
        accessData.store(step.id(), reference, fileName, mediaType, content, true);
        return journal.view(step);
    }

    @Transactional(readOnly = true)
    public Optional<StepView> step(long id) {
        return journal.find(id);
    }

    @Transactional(readOnly = true)
    public List<StepView> stepsOf(String reference) {
        return journal.stepsOf(reference);
    }

    /** The latest successful step of this action in this system for this request. */
    @Transactional(readOnly = true)
    public Optional<StepView> latest(String reference, long systemId, ConnectorAction action) {
        return journal.stepsOf(reference).stream()
                .filter(step -> step.systemId() == systemId && step.action() == action
                        && (step.status() == StepStatus.SUCCEEDED || step.status() == StepStatus.AWAITING_CALLBACK))
                .reduce((first, second) -> second);
    }

    @Transactional(readOnly = true)
    public List<AccessFile> accessFilesOf(String reference) {
        return accessData.filesOf(reference);
    }

    /** The decrypted content of an access file. Personal data: hand it only to the verified subject. */
    @Transactional(readOnly = true)
    public byte[] readAccessFile(long id) {
        return accessData.read(id);
    }

    /** The decrypted content of an access file as a stream, for files too large to hold; the caller closes it. */
    @Transactional(readOnly = true)
    public InputStream openAccessFile(long id) throws IOException {
        return accessData.open(id);
    }

    /**
     * Deletes every file of personal data held for the request's answer, once the answer no longer needs them.
     *
     * @return how many files were deleted
     */
    @Transactional
    public int deleteAccessFiles(String reference) {
        return accessData.deleteFor(reference);
    }

    private StepView record(String reference, SystemDefinition system, long systemId, ActionResult result, String actor,
                            Instant started) {
        FulfilmentStep step = journal.recordSuccess(reference, systemId, result, actor, started, clock.instant());
        storeAccessData(reference, system, step, result);
        return journal.view(step);
    }

    private void storeAccessData(String reference, SystemDefinition system, FulfilmentStep step, ActionResult result) {
        if (result.action() == ConnectorAction.ACCESS && !result.data().isEmpty()) {
            accessData.store(step.id(), reference, system.key() + ".json", "application/json", toJson(result), false);
        }
    }

    private byte[] toJson(ActionResult result) {
        try {
            return json.writeValueAsBytes(result.data());
        } catch (JsonProcessingException e) {
            throw new ConnectorException("The data found could not be written as JSON");
        }
    }
}
