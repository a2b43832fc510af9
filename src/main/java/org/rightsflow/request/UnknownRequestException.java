package org.rightsflow.request;

/** No request has the given reference. */
public class UnknownRequestException extends RuntimeException {

    public UnknownRequestException(String reference) {
        super("No request with reference " + reference);
    }
}
