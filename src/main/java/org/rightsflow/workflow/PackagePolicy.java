package org.rightsflow.workflow;

import org.rightsflow.access.PackageAssembly;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.springframework.stereotype.Component;

/** Answers the model's "Review before release?" ({@code ${packagePolicy.reviewBeforeRelease(regime, requestType)}}). */
@Component("packagePolicy")
public class PackagePolicy {

    private final PackageAssembly assembly;

    PackagePolicy(PackageAssembly assembly) {
        this.assembly = assembly;
    }

    /** The process variables arrive as the enums' names. */
    public boolean reviewBeforeRelease(String regime, String requestType) {
        return assembly.reviewRequired(Regime.valueOf(regime), RequestType.valueOf(requestType));
    }
}
