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
    QUEBEC_LAW25("Quebec Law 25", "Quebec"),
    // US state laws in force from 2024 to 2026 (docs/legal-rules.md#more-us-states). Two states each have an
    // "ICDPA" and an "MCDPA", so the constants carry the state's postal code.
    MTCDPA("Montana Consumer Data Privacy Act", "Montana"),
    IACDPA("Iowa Consumer Data Protection Act", "Iowa"),
    DPDPA("Delaware Personal Data Privacy Act", "Delaware"),
    NEDPA("Nebraska Data Privacy Act", "Nebraska"),
    NHPA("New Hampshire Privacy Act", "New Hampshire"),
    NJDPA("New Jersey Data Privacy Act", "New Jersey"),
    TIPA("Tennessee Information Protection Act", "Tennessee"),
    MNCDPA("Minnesota Consumer Data Privacy Act", "Minnesota"),
    MODPA("Maryland Online Data Privacy Act", "Maryland"),
    INCDPA("Indiana Consumer Data Protection Act", "Indiana"),
    KCDPA("Kentucky Consumer Data Protection Act", "Kentucky"),
    RIDTPPA("Rhode Island Data Transparency and Privacy Protection Act", "Rhode Island"),
    // Laws outside the US and the EU (docs/legal-rules.md#more-countries).
    FADP("Swiss Federal Act on Data Protection", "Switzerland"),
    PIPA_KR("Personal Information Protection Act (Korea)", "South Korea"),
    PDPA_SG("Personal Data Protection Act (Singapore)", "Singapore"),
    POPIA("POPIA", "South Africa"),
    KVKK("KVKK (Law No. 6698)", "Turkey"),
    PDPA_TH("Personal Data Protection Act (Thailand)", "Thailand"),
    PRIVACY_ACT_AU("Privacy Act 1988 (Australia)", "Australia"),
    APPI("APPI", "Japan");

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

    /**
     * The country whose part {@link #jurisdiction()} is, where the law covers only a part of it ("United States",
     * "Canada"); empty where the law covers a whole country or region. Forms group the places by it, so that 32
     * places stay findable.
     */
    public String country() {
        return switch (this) {
            case PIPEDA, QUEBEC_LAW25 -> "Canada";
            case CCPA, VCDPA, CPA, CTDPA, TDPSA, UCPA, OCPA, MTCDPA, IACDPA, DPDPA, NEDPA, NHPA, NJDPA, TIPA, MNCDPA,
                 MODPA, INCDPA, KCDPA, RIDTPPA -> "United States";
            default -> "";
        };
    }
}
