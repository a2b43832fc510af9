package org.rightsflow.workflow;

import java.util.Map;
import org.rightsflow.connector.ActionContext;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.DataSubject;
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
                reference + ":" + systemKey + ":" + action.name());
    }
}
