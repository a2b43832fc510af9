package org.rightsflow.request;

import org.rightsflow.support.FieldCipher;
import org.rightsflow.support.SubjectHashes;
import org.springframework.stereotype.Component;

/**
 * Seals and opens what the request module keeps of a person: who they are, what they wrote (the request's details,
 * their appeal) and the conversation with them (the clarification messages, which quote them both ways). The
 * entities hold only sealed text ({@link FieldCipher}, one context per column, so a value copied into another column
 * does not open there) and open it through this class when a view is made; the rest of the application reads clear
 * values from {@link RequestDetails}, {@link MessageView}, {@link AppealView} and {@link Refusal} as before. Exact
 * lookups by email go through {@link SubjectHashes}, the one keyed hash of an address.
 */
@Component
class PersonalFields {

    static final String SUBJECT_EMAIL = "dsr_request.subject_email";
    static final String SUBJECT_NAME = "dsr_request.subject_name";
    static final String SUBJECT_ACCOUNT_ID = "dsr_request.subject_account_id";
    static final String DETAILS = "dsr_request.details";
    static final String MESSAGE_BODY = "request_message.body";
    static final String APPEAL_STATEMENT = "request_appeal.statement";

    private final FieldCipher cipher;
    private final SubjectHashes hashes;

    PersonalFields(FieldCipher cipher, SubjectHashes hashes) {
        this.cipher = cipher;
        this.hashes = hashes;
    }

    String seal(String plain, String context) {
        return cipher.seal(plain, context);
    }

    String open(String sealed, String context) {
        return cipher.open(sealed, context);
    }

    /** The keyed hash duplicates and searches find a person's requests by; the same for any case of the address. */
    String emailHash(String email) {
        return hashes.ofEmail(email);
    }
}
