package org.rightsflow.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.rightsflow.connector.ActionContext;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.connector.SystemView;
import org.rightsflow.correction.CorrectionReview;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.springframework.stereotype.Component;

/** Builds what a connector, a system owner or a processor needs to know about the request they act for. */
@Component
class ConnectorContexts {

    private final RequestDirectory requests;
    private final SystemRegistry systems;
    private final CorrectionReview corrections;
    private final LookbackProperties lookback;
    private final StatutoryClock statutoryClock;

    ConnectorContexts(RequestDirectory requests, SystemRegistry systems, CorrectionReview corrections,
                      LookbackProperties lookback, StatutoryClock statutoryClock) {
        this.requests = requests;
        this.lookback = lookback;
        this.statutoryClock = statutoryClock;
        this.systems = systems;
        this.corrections = corrections;
    }

    ActionContext contextFor(String reference, String systemKey, ConnectorAction action, String callbackUrl) {
        RequestDetails request = requests.get(reference);
        Map<String, String> applicable = action == ConnectorAction.CORRECT
                ? correctionsFor(reference, systems.find(systemKey).map(SystemView::id).orElseThrow())
                : Map.of();
        return new ActionContext(reference, request.type(), request.regime(), request.due(),
                new DataSubject(request.subject().email(), request.subject().name(), request.subject().accountId()),
                applicable, callbackUrl,
                // The same for every attempt, so a receiving system can tell a retry from a new request.
                reference + ":" + systemKey + ":" + action.name(),
                action == ConnectorAction.ACCESS ? dataSince(request) : null,
                providedDataOnly(request.type(), request.regime()));
    }

    /**
     * The start of the lookback of an access request: the configured period before the day the request was
     * received (in the clock's zone), or null for all of the subject's data.
     */
    Instant dataSince(RequestDetails request) {
        Period period = lookback.of(request.regime());
        if (period == null) {
            return null;
        }
        LocalDate received = statutoryClock.dateOf(request.receivedAt());
        return received.minus(period).atStartOfDay(statutoryClock.zone()).toInstant();
    }

    /**
     * The accepted corrections this system is to apply: those among the fields it declares, or all of them when it
     * declares none. Empty for every request that is not a reviewed correction.
     */
    Map<String, String> correctionsFor(String reference, long systemId) {
        Map<String, String> accepted = corrections.accepted(reference);
        return accepted.isEmpty() ? accepted : systems.correctionsFor(systemId, accepted);
    }

    /**
     * Whether a request is answered with only the data the subject provided (GDPR Art. 20 portability). The regime's
     * policy decides, with the other regime rules in regimes.yml (docs/legal-rules.md#portability-provided-data).
     */
    boolean providedDataOnly(RequestType type, Regime regime) {
        return statutoryClock.policy(regime).providedDataOnly(type);
    }
}
