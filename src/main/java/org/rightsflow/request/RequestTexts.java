package org.rightsflow.request;

import org.rightsflow.deadline.RequestType;

/** Plain-language names used in timeline entries (staff-facing; the portal has its own wording in messages). */
public final class RequestTexts {

    private RequestTexts() {
    }

    public static String typeLabel(RequestType type) {
        return switch (type) {
            case ACCESS -> "Access";
            case PORTABILITY -> "Portability";
            case DELETION -> "Deletion";
            case CORRECTION -> "Correction";
            case OPT_OUT -> "Opt-out of sale/sharing";
            case LIMIT_SENSITIVE -> "Limit use of sensitive data";
            case RESTRICTION -> "Restriction of processing";
            case OBJECTION -> "Objection to processing";
            case DECISION_REVIEW -> "Review of an automated decision";
        };
    }

    static String channelLabel(Channel channel) {
        return switch (channel) {
            case WEB_FORM -> "the privacy center";
            case API -> "the API";
            case EMAIL -> "email";
            case POST -> "post";
            case PHONE -> "phone";
            case IN_PERSON -> "in person";
        };
    }
}
