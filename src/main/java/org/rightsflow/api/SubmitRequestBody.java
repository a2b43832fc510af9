package org.rightsflow.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.rightsflow.request.EmailAddress;
import org.rightsflow.request.IntakeLimits;
import org.rightsflow.request.MaxBytes;
import org.rightsflow.request.PersonName;

/**
 * {@code POST /api/v1/requests}. Type, regime and channel arrive as text so that an unknown value is reported
 * against its field like every other mistake, rather than as unreadable JSON. {@code language} (optional, a BCP 47
 * tag of a supported language, default English) is the language every message to the subject is written in.
 */
record SubmitRequestBody(
        @NotBlank(message = "is required") String type,
        @NotBlank(message = "is required") String regime,
        @NotNull(message = "is required") @Valid Subject subject,
        @MaxBytes(value = IntakeLimits.MAX_DETAILS_BYTES, message = "must be at most 10240 bytes") String details,
        String channel,
        String receivedAt,
        Map<String, String> corrections,
        String language) {

    /** For a CORRECTION: field → what it should be; checked against the fields the connected systems declare. */
    SubmitRequestBody {
        corrections = corrections == null ? Map.of() : corrections;
    }

    @Override
    public String toString() {
        return "SubmitRequestBody[" + type + ", " + regime + "]";
    }

    record Subject(
            @NotBlank(message = "is required") @EmailAddress(message = "must be an email address like name@example.com") String email,
            @NotBlank(message = "is required") @Size(max = IntakeLimits.MAX_NAME_LENGTH, message = "must be at most 100 characters")
            @PersonName(message = "must be one line without web or email addresses") String name,
            @Size(max = IntakeLimits.MAX_ACCOUNT_ID_LENGTH, message = "must be at most 200 characters") String accountId) {

        /** Trimmed before validation, as the portal does. */
        Subject {
            email = email == null ? null : email.strip();
        }

        @Override
        public String toString() {
            return "Subject[redacted]";
        }
    }
}
