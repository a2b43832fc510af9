package org.rightsflow.reporting;

/**
 * What GDPR Chapter V asks of sending personal data to a recipient's country ({@link ThirdCountries}).
 */
public enum TransferRule {
    /** Inside the EEA or the United Kingdom: no transfer to a third country. */
    NONE("No transfer (EEA or UK)"),
    /** A third country with an adequacy decision of the European Commission (Art. 45): no further safeguard. */
    ADEQUATE("Transfer covered by an adequacy decision (Art. 45)"),
    /**
     * A third country whose adequacy decision covers only some recipients (the United States: organisations certified
     * under the EU-US Data Privacy Framework; Canada: organisations under PIPEDA).
     */
    PARTLY_ADEQUATE("Transfer: adequacy only for covered recipients (check), else safeguards (Art. 46)"),
    /** A third country without an adequacy decision: standard contractual clauses, binding corporate rules (Art. 46). */
    SAFEGUARDS_NEEDED("Transfer needing safeguards (Art. 46: standard contractual clauses, binding corporate rules)"),
    /** A country the list does not know: someone must look. */
    UNKNOWN_COUNTRY("Country not recognised: check whether this is a transfer");

    private final String label;

    TransferRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the recipient is in a third country (or may be), so the record lists it under transfers. */
    public boolean isTransfer() {
        return this != NONE;
    }
}
