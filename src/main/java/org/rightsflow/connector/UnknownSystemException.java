package org.rightsflow.connector;

public class UnknownSystemException extends RuntimeException {

    public UnknownSystemException(long id) {
        super("No connected system with id " + id);
    }
}
