package org.rightsflow.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which countries are third countries under GDPR Chapter V, for the transfers column of the record of processing.
 * The registry names a recipient's country in free text ("Germany", "IE", "USA"); this reads the English name or the
 * ISO 3166-1 alpha-2 code, and a few common variants.
 *
 * <p>The lists, as of 2025 (docs/ropa.md says how to check them): the EEA is the 27 EU member states with Iceland,
 * Liechtenstein and Norway; the United Kingdom counts with them (the brief of this record, and an adequacy decision
 * in each direction). The Commission's adequacy decisions (Art. 45) cover Andorra, Argentina, the Faroe Islands,
 * Guernsey, Israel, the Isle of Man, Japan, Jersey, New Zealand, the Republic of Korea, Switzerland and Uruguay as
 * a whole, and Canada (PIPEDA) and the United States (the Data Privacy Framework) for some recipients only.
 */
final class ThirdCountries {

    private static final Map<String, TransferRule> RULES = new HashMap<>();

    static {
        rule(TransferRule.NONE, List.of(
                "AT", "Austria", "BE", "Belgium", "BG", "Bulgaria", "HR", "Croatia", "CY", "Cyprus", "CZ", "Czechia",
                "Czech Republic", "DK", "Denmark", "EE", "Estonia", "FI", "Finland", "FR", "France", "DE", "Germany",
                "GR", "EL", "Greece", "HU", "Hungary", "IE", "Ireland", "IT", "Italy", "LV", "Latvia", "LT", "Lithuania",
                "LU", "Luxembourg", "MT", "Malta", "NL", "Netherlands", "The Netherlands", "PL", "Poland", "PT",
                "Portugal", "RO", "Romania", "SK", "Slovakia", "SI", "Slovenia", "ES", "Spain", "SE", "Sweden",
                "IS", "Iceland", "LI", "Liechtenstein", "NO", "Norway",
                "GB", "UK", "United Kingdom", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland",
                "EU", "EEA", "European Union", "European Economic Area"));
        rule(TransferRule.ADEQUATE, List.of(
                "AD", "Andorra", "AR", "Argentina", "FO", "Faroe Islands", "GG", "Guernsey", "IL", "Israel", "IM",
                "Isle of Man", "JP", "Japan", "JE", "Jersey", "NZ", "New Zealand", "KR", "Korea", "South Korea",
                "Republic of Korea", "CH", "Switzerland", "UY", "Uruguay"));
        rule(TransferRule.PARTLY_ADEQUATE, List.of(
                "US", "USA", "United States", "United States of America", "CA", "Canada"));
        rule(TransferRule.SAFEGUARDS_NEEDED, List.of(
                "AU", "Australia", "BR", "Brazil", "CN", "China", "HK", "Hong Kong", "IN", "India", "ID", "Indonesia",
                "MX", "Mexico", "PH", "Philippines", "RU", "Russia", "SA", "Saudi Arabia", "SG", "Singapore", "ZA",
                "South Africa", "TW", "Taiwan", "TH", "Thailand", "TR", "Turkey", "Türkiye", "UA", "Ukraine", "AE",
                "United Arab Emirates", "VN", "Vietnam", "Viet Nam", "MY", "Malaysia", "EG", "Egypt", "NG", "Nigeria",
                "KE", "Kenya", "PK", "Pakistan", "RS", "Serbia", "CL", "Chile", "CO", "Colombia", "PE", "Peru"));
    }

    private ThirdCountries() {
    }

    private static void rule(TransferRule rule, List<String> names) {
        names.forEach(name -> RULES.put(key(name), rule));
    }

    private static String key(String country) {
        return country.strip().replaceAll("\\s+", " ").replace(".", "").toLowerCase(Locale.ROOT);
    }

    /** The rule for a recipient in {@code country}; null when the country is not recorded. */
    static TransferRule of(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        return RULES.getOrDefault(key(country), TransferRule.UNKNOWN_COUNTRY);
    }
}
