package org.rightsflow.deadline;

/**
 * A data protection law under which a data subject request is handled. The law's rules (periods, calendar, rights
 * granted) live in {@code deadline/regimes.yml}; this enum only names the law and where its subjects live.
 */
public enum Regime {

    GDPR("GDPR", "European Union / EEA"),
    UK_GDPR("UK GDPR", "United Kingdom"),
    CCPA("CCPA/CPRA", "California"),
    VCDPA("Virginia CDPA", "Virginia"),
    CPA("Colorado Privacy Act", "Colorado"),
    CTDPA("Connecticut Data Privacy Act", "Connecticut"),
    TDPSA("Texas Data Privacy and Security Act", "Texas"),
    UCPA("Utah Consumer Privacy Act", "Utah"),
    OCPA("Oregon Consumer Privacy Act", "Oregon"),
    LGPD("LGPD", "Brazil"),
    PIPEDA("PIPEDA", "Canada (outside Quebec)"),
    QUEBEC_LAW25("Quebec Law 25", "Quebec");

    private final String lawName;
    private final String jurisdiction;

    Regime(String lawName, String jurisdiction) {
        this.lawName = lawName;
        this.jurisdiction = jurisdiction;
    }

    /** The law's usual short name, for display, e.g. "CCPA/CPRA". */
    public String lawName() {
        return lawName;
    }

    /** Where the person lives, as a form would ask it, e.g. "Canada (outside Quebec)". */
    public String jurisdiction() {
        return jurisdiction;
    }
}
