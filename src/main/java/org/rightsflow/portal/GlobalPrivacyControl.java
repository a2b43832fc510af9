package org.rightsflow.portal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The Global Privacy Control signal: a browser that sends {@code Sec-GPC: 1} tells every site its user opts out of
 * sale and sharing (CCPA regulations §7025 make honouring it mandatory). Any other value, or none, is no signal.
 */
final class GlobalPrivacyControl {

    static final String HEADER = "Sec-GPC";

    private GlobalPrivacyControl() {
    }

    static boolean sentBy(HttpServletRequest request) {
        String value = request.getHeader(HEADER);
        return value != null && value.strip().equals("1");
    }
}
