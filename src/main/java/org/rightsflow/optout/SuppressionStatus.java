package org.rightsflow.optout;

import java.util.Set;

/**
 * What the suppression list says about one identity of a check.
 *
 * @param erased    a deletion request erased this person's data: it must not come back
 * @param optedOut  the purposes this person is currently opted out of
 */
public record SuppressionStatus(int index, boolean erased, Set<Purpose> optedOut) {

    public boolean suppressed() {
        return erased || !optedOut.isEmpty();
    }
}
