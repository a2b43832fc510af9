package org.rightsflow.staff;

import org.rightsflow.request.RequestLifecycle;
import org.rightsflow.support.StaffNote;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The longest texts staff may type, as every staff page's {@code maxlength}: the browser stops where the forms and
 * services refuse. {@code maxNote} for notes kept for the record, {@code maxMessage} for what the subject reads in
 * the conversation on the status page (questions, refusal reasons, the decision on an appeal).
 */
@ControllerAdvice(basePackageClasses = TextLimits.class)
class TextLimits {

    @ModelAttribute("maxNote")
    int maxNote() {
        return StaffNote.MAX_LENGTH;
    }

    @ModelAttribute("maxMessage")
    int maxMessage() {
        return RequestLifecycle.MAX_MESSAGE;
    }
}
