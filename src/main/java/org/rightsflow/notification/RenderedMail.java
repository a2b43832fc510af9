package org.rightsflow.notification;

/**
 * @param body         what is delivered, secrets included
 * @param redactedBody what staff, the API and exports read: each secret replaced by its label
 */
record RenderedMail(String subject, String body, String redactedBody) {

    @Override
    public String toString() {
        return "RenderedMail[" + subject + "]";
    }
}
