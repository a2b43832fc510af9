package org.rightsflow.connector;

/**
 * Why data may be kept despite an erasure request (docs/legal-rules.md#erasure-exceptions). Every
 * retained table or column names one, plus a note saying what the data is kept for, so the deletion report can tell
 * the subject what was kept and why. An sql mapping names it under {@code basis}; an http system's result under
 * {@code kept[].basis}; the answer words it in the subject's language ({@code mail.kept.<basis>}).
 *
 * <p>The CCPA exceptions of Cal. Civ. Code §1798.105(d) are one constant: their paragraph numbers changed when the
 * CPRA amended the section, so the note names the exception in words (e.g. "complete the transaction: open order").
 */
public enum LegalBasis {
    GDPR_ART_17_3_A("GDPR Art. 17(3)(a)"),
    GDPR_ART_17_3_B("GDPR Art. 17(3)(b)"),
    GDPR_ART_17_3_C("GDPR Art. 17(3)(c)"),
    GDPR_ART_17_3_D("GDPR Art. 17(3)(d)"),
    GDPR_ART_17_3_E("GDPR Art. 17(3)(e)"),
    CCPA_1798_105_D("CCPA §1798.105(d)");

    private final String label;

    LegalBasis(String label) {
        this.label = label;
    }

    /** As shown to staff and in the deletion report, e.g. "GDPR Art. 17(3)(b)". */
    public String label() {
        return label;
    }
}
