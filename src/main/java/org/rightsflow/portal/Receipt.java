package org.rightsflow.portal;

import java.io.Serializable;
import java.time.LocalDate;
import org.rightsflow.deadline.Regime;
import org.rightsflow.request.RequestDetails;

/**
 * What the page after a submission shows of the request: its reference, answer date, law, and whether a
 * confirmation link follows. A flash attribute, so it may travel in a cookie; nothing the subject typed is in it.
 */
record Receipt(String reference, LocalDate due, Regime regime, boolean verificationRequired) implements Serializable {

    static Receipt of(RequestDetails request) {
        return new Receipt(request.reference(), request.due(), request.regime(), request.verificationRequired());
    }
}
