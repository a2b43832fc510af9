package org.rightsflow.connector;

/**
 * The connector SPI: one implementation (a Spring bean) per automated {@link ConnectorKind}. Manual and
 * processor-email systems are driven by the process itself (a user task, an email and a confirmation link).
 *
 * <p>Implementations must be idempotent: an action re-run after a crash does no harm (erasing already-erased data
 * succeeds and reports 0 rows; an access re-reads).
 */
public interface AutomatedConnector {

    ConnectorKind kind();

    /**
     * Checks the kind-specific parts of a definition ({@code connection}, {@code dataset}, {@code actions}) and
     * throws IllegalArgumentException naming the path of the first problem. Does not connect.
     */
    void validate(SystemDefinition system);

    /** Connects and checks that what the definition expects is there. Never throws. */
    ConnectionCheck testConnection(SystemDefinition system);

    /**
     * Whether this system's definition lets the connector do the action (e.g. an sql mapping without opt-out
     * columns cannot opt out; an http system without a correction endpoint cannot correct). An unsupported action
     * goes to the owner group as a manual task instead.
     */
    default boolean supports(SystemDefinition system, ConnectorAction action) {
        return true;
    }

    /**
     * The fields of a correction request this system can change; empty when its definition does not say, and the
     * system is then sent every accepted correction and reports what it did not hold.
     */
    default java.util.Set<String> correctableFields(SystemDefinition system) {
        return system.correctableFields();
    }

    /**
     * The subject's words for the correctable fields this system labels (an sql system: the label of the column a
     * field corrects, {@link DataLabels}); fields it does not label are absent.
     */
    default java.util.Map<String, Words> correctableFieldLabels(SystemDefinition system) {
        return java.util.Map.of();
    }

    /**
     * The company's reasons for keeping data ({@link TableReport.Keeping#note()}), by the text this connector reports,
     * in every language the definition writes them; a reason absent here is read as reported.
     */
    default java.util.Map<String, Words> keptNotes(SystemDefinition system) {
        return java.util.Map.of();
    }

    /**
     * For connectors that may answer later: how long to wait for the callback before reminding the owners, and
     * before raising an incident.
     */
    default CallbackDelays callbackDelays(SystemDefinition system) {
        return CallbackDelays.DEFAULT;
    }

    /**
     * Performs the action.
     *
     * @throws ConnectorException when the system failed or refused; the caller retries, then raises an incident
     */
    ActionResult perform(SystemDefinition system, ConnectorAction action, ActionContext context);

    /**
     * Whether the system takes a whole batch of opt-outs or limits of sensitive data use in one step
     * ({@link #performBatch}). False by default: a connector that cannot leaves each person to the single-subject
     * action or to the owners.
     */
    default boolean supportsBatch(SystemDefinition system, ConnectorAction action) {
        return false;
    }

    /**
     * Carries out the batch's action for every person in it. Idempotent like {@link #perform}: a retry after a failure
     * part-way redoes the people already done without changing anything more for them.
     *
     * @return the action's result for the whole batch: counts per table summed over everyone, one summary sentence
     * @throws ConnectorException when the system failed or refused; the caller retries, then raises an incident
     */
    default ActionResult performBatch(SystemDefinition system, BatchContext batch) {
        throw new ConnectorException("System " + system.key() + " (" + system.kind().yamlName()
                + ") cannot take batches");
    }

    /**
     * Whether {@link #scanIdentities} can list the people the system holds, for the guard that finds erased people
     * reappearing (after a backup was restored, say). False by default.
     */
    default boolean canScanIdentities(SystemDefinition system) {
        return false;
    }

    /**
     * Hands every person the system holds to {@code sink}, one at a time, as the system stores them (an email in the
     * case it was written in; null where a record has none). Streams: a system of millions of people is never held
     * in memory. Personal data: the sink must not log it.
     *
     * @throws ConnectorException when the system cannot be read, or cannot list its people at all
     */
    default void scanIdentities(SystemDefinition system, java.util.function.Consumer<DataSubject> sink) {
        throw new ConnectorException("System " + system.key() + " (" + system.kind().yamlName()
                + ") cannot list the people it holds");
    }

    /**
     * The system's definition was saved again or the system is gone: a connector that keeps something per system (a
     * connection pool) lets go of it. Nothing by default.
     */
    default void definitionChanged(String systemKey) {
    }
}
