package org.rightsflow.connector;

import java.time.LocalDate;
import java.util.Map;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/**
 * Everything a connector may need about the request it acts for.
 *
 * @param corrections    field name → corrected value, for {@link ConnectorAction#CORRECT}; empty otherwise
 * @param callbackUrl    where an asynchronous system posts its result; null for synchronous connectors
 * @param idempotencyKey the same for every attempt of this action in this system for this request, so a receiver
 *                       can recognise a retry after a crash
 */
public record ActionContext(String reference, RequestType requestType, Regime regime, LocalDate dueDate,
                            DataSubject subject, Map<String, String> corrections, String callbackUrl,
                            String idempotencyKey) {

    public ActionContext {
        corrections = corrections == null ? Map.of() : Map.copyOf(corrections);
    }

    @Override
    public String toString() {
        return "ActionContext[" + reference + ", " + requestType + "]";
    }
}
