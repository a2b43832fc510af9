package org.rightsflow.connector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/**
 * Everything a connector may need about the request it acts for.
 *
 * @param corrections     field name → corrected value, for {@link ConnectorAction#CORRECT}; empty otherwise
 * @param callbackUrl     where an asynchronous system posts its result; null for synchronous connectors
 * @param idempotencyKey  the same for every attempt of this action in this system for this request, so a receiver
 *                        can recognise a retry after a crash
 * @param dataSince       for {@link ConnectorAction#ACCESS} only: return only data collected at or after this instant,
 *                        where a system can tell when it collected it (the CCPA right to know looks back 12 months by
 *                        default); null for everything. Erasure, opt-out and correction ignore it: they must reach all
 *                        of the subject's data, whatever its age
 * @param portabilityOnly for {@link ConnectorAction#ACCESS} only: return only the data the subject provided (GDPR
 *                        Art. 20), where a system declares which data that is; false for the full access copy
 */
public record ActionContext(String reference, RequestType requestType, Regime regime, LocalDate dueDate,
                            DataSubject subject, Map<String, String> corrections, String callbackUrl,
                            String idempotencyKey, Instant dataSince, boolean portabilityOnly) {

    public ActionContext {
        corrections = corrections == null ? Map.of() : Map.copyOf(corrections);
    }

    /** Everything of the subject, as an access copy: no lookback, not limited to the data the subject provided. */
    public ActionContext(String reference, RequestType requestType, Regime regime, LocalDate dueDate,
                         DataSubject subject, Map<String, String> corrections, String callbackUrl,
                         String idempotencyKey) {
        this(reference, requestType, regime, dueDate, subject, corrections, callbackUrl, idempotencyKey, null, false);
    }

    @Override
    public String toString() {
        return "ActionContext[" + reference + ", " + requestType + "]";
    }
}
