package org.rightsflow.staff;

import java.security.Principal;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffMember;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in staff member into every staff page's model as {@code me}. */
@ControllerAdvice(basePackageClasses = CurrentStaff.class)
class CurrentStaff {

    private final StaffDirectory staff;

    CurrentStaff(StaffDirectory staff) {
        this.staff = staff;
    }

    @ModelAttribute("me")
    StaffMember me(Principal principal) {
        if (principal == null) {
            throw new AccessDeniedException("Sign in first");
        }
        return staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("Account disabled"));
    }
}
