package org.rightsflow.portal;

import java.util.Optional;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.support.EnumNames;

/** Parsing of untrusted form values into the known vocabularies; anything else is simply "not found". */
final class PortalInput {

    private PortalInput() {
    }

    static Optional<RequestType> requestType(String value) {
        return EnumNames.parse(RequestType.class, value);
    }

    static Optional<Regime> regime(String value) {
        return EnumNames.parse(Regime.class, value);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
