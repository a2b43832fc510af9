package org.rightsflow.connector;

/** How a delivered callback was received, and for MALFORMED what is wrong with it (never personal data). */
public record CallbackOutcome(CallbackReceipt receipt, String problem) {

    static CallbackOutcome of(CallbackReceipt receipt) {
        return new CallbackOutcome(receipt, null);
    }
}
