package org.rightsflow.portal;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rightsflow.deadline.Regime;
import org.springframework.context.MessageSource;

/**
 * The places of the "where do you live" lists, grouped for an {@code <optgroup>} each: the parts of a country first
 * (US states, Canada), then every other country or region, each alphabetical. With 32 places a flat list is hard
 * to scan; a group name is read out by screen readers with each option, and the keyboard still moves through one list.
 *
 * <p>Names come from the portal bundle ({@code place.<REGIME>}, {@code place.group.*}) and are sorted by the reader's
 * language: "Österreich" belongs under O in German, not after Z as plain string order would put it.
 */
final class Places {

    /** One {@code <optgroup>}: its label and its places in the order shown. */
    record Group(String label, List<Regime> regimes) {
    }

    static final String OTHER = "Other countries and regions";

    /** The countries listed by their parts, in the order shown, with the key of their group label. */
    private static final Map<String, String> COUNTRY_KEYS = Map.of("United States", "place.group.us",
            "Canada", "place.group.ca");
    private static final List<String> COUNTRIES = List.of("United States", "Canada");

    private static final List<Group> GROUPS = build();

    private Places() {
    }

    /** In English, by the enum's own names (for pages not yet translated). */
    static List<Group> groups() {
        return GROUPS;
    }

    /** In {@code locale}: labels and place names from the bundle, each group sorted by that language's rules. */
    static List<Group> groups(MessageSource messages, Locale locale) {
        Collator collator = Collator.getInstance(locale);
        Comparator<Regime> byPlace = Comparator.comparing(regime -> name(messages, regime, locale), collator);
        List<Group> groups = new ArrayList<>();
        for (String country : COUNTRIES) {
            groups.add(new Group(messages.getMessage(COUNTRY_KEYS.get(country), null, country, locale),
                    List.of(Regime.values()).stream()
                            .filter(regime -> regime.country().equals(country)).sorted(byPlace).toList()));
        }
        groups.add(new Group(messages.getMessage("place.group.other", null, OTHER, locale),
                List.of(Regime.values()).stream()
                        .filter(regime -> regime.country().isEmpty()).sorted(byPlace).toList()));
        return List.copyOf(groups);
    }

    /** The place a regime covers, in {@code locale}. */
    static String name(MessageSource messages, Regime regime, Locale locale) {
        return messages.getMessage("place." + regime.name(), null, regime.jurisdiction(), locale);
    }

    private static List<Group> build() {
        Comparator<Regime> byPlace = Comparator.comparing(Regime::jurisdiction);
        List<Group> groups = new ArrayList<>();
        for (String country : COUNTRIES) {
            groups.add(new Group(country, List.of(Regime.values()).stream()
                    .filter(regime -> regime.country().equals(country)).sorted(byPlace).toList()));
        }
        groups.add(new Group(OTHER, List.of(Regime.values()).stream()
                .filter(regime -> regime.country().isEmpty()).sorted(byPlace).toList()));
        return List.copyOf(groups);
    }
}
