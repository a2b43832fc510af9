package org.rightsflow.workflow;

import org.rightsflow.access.PackageAssembly;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.springframework.stereotype.Component;

/**
 * Answers the model's package questions, so that the model decides nothing itself: "Access package?"
 * ({@code ${packagePolicy.packageNeeded(requestType)}}) and "Review before release?"
 * ({@code ${packagePolicy.reviewBeforeRelease(regime, requestType)}}).
 */
@Component("packagePolicy")
public class PackagePolicy {

    private final PackageAssembly assembly;

    PackagePolicy(PackageAssembly assembly) {
        this.assembly = assembly;
    }

    /** The process variable arrives as the enum's name. */
    public boolean packageNeeded(String requestType) {
        return RequestType.valueOf(requestType).asksForCopy();
    }

    /** The process variables arrive as the enums' names. */
    public boolean reviewBeforeRelease(String regime, String requestType) {
        return assembly.reviewRequired(Regime.valueOf(regime), RequestType.valueOf(requestType));
    }
}
