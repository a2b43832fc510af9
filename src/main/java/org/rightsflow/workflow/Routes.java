package org.rightsflow.workflow;

import java.util.Optional;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.deadline.RequestType;

/** Which connector action carries out a request type; the types with none go to a person. */
final class Routes {

    static final String MANUAL = "manual";
    static final String AUTOMATED = "automated";
    static final String PROCESSOR = "processor";

    private Routes() {
    }

    static Optional<ConnectorAction> actionFor(RequestType type) {
        return switch (type) {
            // Portability reads the same data as access; the context asks for only what the subject provided
            // (ConnectorContexts), so every system that can answer an access request answers it too.
            case ACCESS, PORTABILITY -> Optional.of(ConnectorAction.ACCESS);
            case DELETION -> Optional.of(ConnectorAction.ERASE);
            // Only the corrections a privacy officer accepted reach the systems (see CorrectionReview).
            case CORRECTION -> Optional.of(ConnectorAction.CORRECT);
            case OPT_OUT -> Optional.of(ConnectorAction.OPT_OUT);
            // Limiting the use of sensitive data (CCPA §7027) sets what a system declares for it (an sql mapping's
            // limitUse columns, an http system's LIMIT_USE endpoint); a system that declares nothing for it leaves
            // it to its owners as a task.
            case LIMIT_SENSITIVE -> Optional.of(ConnectorAction.LIMIT_USE);
            // Restriction and objection need a judgement about the processing, and a decision review is by its nature
            // a person looking again at what a machine decided: a person does them.
            case RESTRICTION, OBJECTION, DECISION_REVIEW -> Optional.empty();
        };
    }
}
