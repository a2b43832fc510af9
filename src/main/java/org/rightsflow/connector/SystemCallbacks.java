package org.rightsflow.connector;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.rightsflow.connector.http.HttpResultJson;
import org.rightsflow.connector.http.HttpSettings;
import org.rightsflow.connector.http.HttpSignatures;
import org.rightsflow.support.Digests;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time tokens for answers that come later, and their arrival: an http system's signed callback or a
 * processor's confirmation. An accepted answer is recorded and published as {@link SystemAnswered} in the same
 * transaction; an answer no process waits for any more is refused and rolled back.
 */
@Service
public class SystemCallbacks {

    private static final int TOKEN_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 100;

    private final ConnectorCallbacks callbacks;
    private final SystemRegistry registry;
    private final SystemActions actions;
    private final Secrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SystemCallbacks(ConnectorCallbacks callbacks, SystemRegistry registry, SystemActions actions, Secrets secrets,
                    ApplicationEventPublisher events, Clock clock) {
        this.callbacks = callbacks;
        this.registry = registry;
        this.actions = actions;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    /** Hands out a token for one later answer; the token goes into a URL and nowhere else. */
    @Transactional
    public String open(String reference, long systemId, ConnectorAction action, CallbackPurpose purpose,
                       String processInstanceId) {
        String token = Digests.randomToken(TOKEN_BYTES);
        callbacks.save(new ConnectorCallback(Digests.sha256Hex(token), reference, systemId, action, purpose,
                processInstanceId, clock.instant()));
        return token;
    }

    @Transactional(readOnly = true)
    public Optional<PendingConfirmation> pendingConfirmation(String token) {
        return find(token).filter(c -> c.purpose() == CallbackPurpose.PROCESSOR_CONFIRMATION)
                .map(c -> new PendingConfirmation(c.reference(), registry.get(c.systemId()).name(), c.action(),
                        c.received()));
    }

    /**
     * A processor answers from its emailed link: done, no data about the person, or it cannot (with its reason, which
     * the answer to the subject reports as a part not carried out).
     *
     * @throws IllegalArgumentException when "cannot" comes without a reason
     */
    @Transactional
    public CallbackReceipt confirmProcessor(String token, SystemOutcome outcome, String note) {
        if (!plausible(token)) {
            return CallbackReceipt.UNKNOWN;
        }
        Optional<ConnectorCallback> found = callbacks.lockByTokenHash(Digests.sha256Hex(token))
                .filter(c -> c.purpose() == CallbackPurpose.PROCESSOR_CONFIRMATION);
        if (found.isEmpty()) {
            return CallbackReceipt.UNKNOWN;
        }
        ConnectorCallback callback = found.get();
        if (callback.received()) {
            return CallbackReceipt.ALREADY_RECEIVED;
        }
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        if (outcome == SystemOutcome.NOT_DONE && trimmed == null) {
            throw new IllegalArgumentException("Say why you cannot carry it out");
        }
        callback.receive(clock.instant(), trimmed);
        SystemDefinition system = registry.definition(callback.systemId());
        String processor = system.connection() == null ? system.name()
                : ProcessorEmailSettings.from(system.connection()).email();
        events.publishEvent(new SystemAnswered(callback.processInstanceId(), callback.reference(), callback.systemId(),
                outcome, processorsWords(outcome, trimmed), "Processor " + processor));
        return CallbackReceipt.ACCEPTED;
    }

    /** The processor's answer as the timeline, the privacy officer and the answer to the subject read it. */
    static String processorsWords(SystemOutcome outcome, String note) {
        String said = note == null ? "." : ": " + note;
        return switch (outcome) {
            case DONE -> "Confirmed by the processor" + said;
            case NO_DATA_FOUND -> "The processor holds no data about this person" + said;
            case NOT_DONE -> "The processor cannot carry it out" + said;
        };
    }

    /**
     * An http system posts the result of an accepted action. The signature is checked with the system's secret
     * before anything of the body is read; the result must name the request and action the token was issued for.
     */
    @Transactional
    public CallbackOutcome receiveHttpCallback(String token, String timestampHeader, String signatureHeader,
                                               byte[] body) {
        if (!plausible(token)) {
            return CallbackOutcome.of(CallbackReceipt.UNKNOWN);
        }
        Optional<ConnectorCallback> found = callbacks.lockByTokenHash(Digests.sha256Hex(token))
                .filter(c -> c.purpose() == CallbackPurpose.HTTP_CALLBACK);
        if (found.isEmpty()) {
            return CallbackOutcome.of(CallbackReceipt.UNKNOWN);
        }
        ConnectorCallback callback = found.get();
        SystemDefinition system = registry.definition(callback.systemId());
        String secret = HttpSettings.from(system.connection()).resolveSigningSecret(secrets);
        // Real time, not the engine clock: signatures are checked against the sender's wall clock.
        if (!HttpSignatures.verify(secret, timestampHeader, signatureHeader, body, Instant.now()).isValid()) {
            return CallbackOutcome.of(CallbackReceipt.BAD_SIGNATURE);
        }
        if (callback.received()) {
            return CallbackOutcome.of(CallbackReceipt.ALREADY_RECEIVED);
        }
        HttpResultJson.Callback answer;
        try {
            answer = HttpResultJson.parseCallback(body);
        } catch (HttpResultJson.MalformedResultException malformed) {
            return new CallbackOutcome(CallbackReceipt.MALFORMED, malformed.getMessage());
        }
        if (!callback.reference().equals(answer.reference()) || answer.result().action() != callback.action()) {
            return new CallbackOutcome(CallbackReceipt.MALFORMED,
                    "the result is for another request or action than this callback URL");
        }
        callback.receive(clock.instant(), null);
        StepView step = actions.recordAnswer(callback.reference(), callback.systemId(), answer.result(),
                "System " + system.key());
        boolean nothingFound = answer.result().action() == ConnectorAction.ACCESS && step.rowsFound() == 0;
        events.publishEvent(new SystemAnswered(callback.processInstanceId(), callback.reference(), callback.systemId(),
                nothingFound ? SystemOutcome.NO_DATA_FOUND : SystemOutcome.DONE, answer.result().summary(),
                "System " + system.key()));
        return CallbackOutcome.of(CallbackReceipt.ACCEPTED);
    }

    private Optional<ConnectorCallback> find(String token) {
        return plausible(token) ? callbacks.findByTokenHash(Digests.sha256Hex(token)) : Optional.empty();
    }

    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_TOKEN_LENGTH;
    }
}
