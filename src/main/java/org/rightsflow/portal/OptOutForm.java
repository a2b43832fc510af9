package org.rightsflow.portal;

import jakarta.validation.constraints.NotBlank;
import org.rightsflow.request.EmailAddress;

/** The one short form behind "Do Not Sell or Share" and "Limit the Use": an email, and optionally where one lives. */
public class OptOutForm {

    @NotBlank(message = "Enter your email address")
    @EmailAddress
    private String email;

    private String regime;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getRegime() {
        return regime;
    }

    public void setRegime(String regime) {
        this.regime = regime;
    }
}
