package org.rightsflow.workflow;

import java.util.Map;
import org.rightsflow.connector.ActionContext;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.springframework.stereotype.Component;

/** Builds what a connector needs to know about the request it acts for. */
@Component
class ConnectorContexts {

    private final RequestDirectory requests;

    ConnectorContexts(RequestDirectory requests) {
        this.requests = requests;
    }

    ActionContext contextFor(String reference, String systemKey, ConnectorAction action, String callbackUrl) {
        RequestDetails request = requests.get(reference);
        return new ActionContext(reference, request.type(), request.regime(), request.due(),
                new DataSubject(request.subject().email(), request.subject().name(), request.subject().accountId()),
                Map.of(), callbackUrl,
                // The same for every attempt, so a receiving system can tell a retry from a new request.
                reference + ":" + systemKey + ":" + action.name(),
                // No lookback yet: every access request gets all the data, which is never less than the law asks.
                null, providedDataOnly(request.type(), request.regime()));
    }

    /**
     * Whether a request is answered with only the data the subject provided: GDPR Art. 20 portability (EU and UK)
     * covers the data "provided to a controller". Elsewhere a portability request gets the whole access copy in a
     * machine-readable form: under the CCPA portability is part of the right to know (LEGAL-RULES.md, "Request
     * types"), and giving the subject more of their own data is never the mistake that giving less would be.
     */
    static boolean providedDataOnly(RequestType type, Regime regime) {
        return type == RequestType.PORTABILITY && (regime == Regime.GDPR || regime == Regime.UK_GDPR);
    }
}
