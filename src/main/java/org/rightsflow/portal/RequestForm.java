package org.rightsflow.portal;

import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;
import jakarta.validation.constraints.Size;
import org.rightsflow.request.EmailAddress;
import org.rightsflow.request.IntakeLimits;
import org.rightsflow.request.MaxBytes;
import org.rightsflow.request.PersonName;

/** The request form as posted. Type and regime arrive as text and are checked against the known values. */
class RequestForm {

    @NotBlank(message = "Choose what you would like us to do")
    private String type;

    @NotBlank(message = "Choose where you live")
    private String regime;

    @NotBlank(message = "Enter your name")
    @Size(max = IntakeLimits.MAX_NAME_LENGTH, message = "Keep your name under 100 characters")
    @PersonName
    private String name;

    @NotBlank(message = "Enter your email address")
    @EmailAddress
    private String email;

    @Size(max = IntakeLimits.MAX_ACCOUNT_ID_LENGTH, message = "Keep the account number under 200 characters")
    private String accountId;

    @MaxBytes(value = IntakeLimits.MAX_DETAILS_BYTES, message = "Keep the details under 10 kB (about 10,000 characters)")
    private String details;

    /** For a correction: which data is wrong and what it should be. The form offers {@link #CORRECTION_LINES}. */
    private List<CorrectionLine> corrections = blankLines();

    static final int CORRECTION_LINES = 3;

    /** One line of the correction table; both parts blank means the line is not used. */
    public static class CorrectionLine {

        private String field;
        private String value;

        public String getField() {
            return field;
        }

        public void setField(String field) {
            this.field = field;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        boolean blank() {
            return (field == null || field.isBlank()) && (value == null || value.isBlank());
        }
    }

    private static List<CorrectionLine> blankLines() {
        List<CorrectionLine> lines = new ArrayList<>();
        for (int i = 0; i < CORRECTION_LINES; i++) {
            lines.add(new CorrectionLine());
        }
        return lines;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getRegime() {
        return regime;
    }

    public void setRegime(String regime) {
        this.regime = regime;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    /** Trimmed before validation: a pasted address with a stray space is still the person's address. */
    public void setEmail(String email) {
        this.email = email == null ? null : email.strip();
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }

    public List<CorrectionLine> getCorrections() {
        return corrections;
    }

    /** Always {@link #CORRECTION_LINES} lines back on the page, whatever a client posted. */
    public void setCorrections(List<CorrectionLine> corrections) {
        List<CorrectionLine> lines = new ArrayList<>();
        for (int i = 0; i < CORRECTION_LINES; i++) {
            CorrectionLine line = corrections != null && i < corrections.size() ? corrections.get(i) : null;
            lines.add(line == null ? new CorrectionLine() : line);
        }
        this.corrections = lines;
    }
}
