package org.rightsflow.portal;

import java.util.Arrays;
import java.util.Optional;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/** Parsing of untrusted form values into the known vocabularies; anything else is simply "not found". */
final class PortalInput {

    private PortalInput() {
    }

    static Optional<RequestType> requestType(String value) {
        return Arrays.stream(RequestType.values()).filter(t -> t.name().equals(value)).findFirst();
    }

    static Optional<Regime> regime(String value) {
        return Arrays.stream(Regime.values()).filter(r -> r.name().equals(value)).findFirst();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
