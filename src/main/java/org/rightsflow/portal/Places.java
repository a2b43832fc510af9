package org.rightsflow.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.rightsflow.deadline.Regime;

/**
 * The places of the "where do you live" lists, grouped for an {@code <optgroup>} each: the parts of a country first
 * (US states, Canada), then every other country or region, each alphabetical. With 32 places a flat list is hard
 * to scan; a group name is read out by screen readers with each option, and the keyboard still moves through one list.
 */
final class Places {

    /** One {@code <optgroup>}: its label and its places in the order shown. */
    record Group(String label, List<Regime> regimes) {
    }

    static final String OTHER = "Other countries and regions";

    private static final List<Group> GROUPS = build();

    private Places() {
    }

    static List<Group> groups() {
        return GROUPS;
    }

    private static List<Group> build() {
        Comparator<Regime> byPlace = Comparator.comparing(Regime::jurisdiction);
        List<Group> groups = new ArrayList<>();
        for (String country : List.of("United States", "Canada")) {
            groups.add(new Group(country, List.of(Regime.values()).stream()
                    .filter(regime -> regime.country().equals(country)).sorted(byPlace).toList()));
        }
        groups.add(new Group(OTHER, List.of(Regime.values()).stream()
                .filter(regime -> regime.country().isEmpty()).sorted(byPlace).toList()));
        return List.copyOf(groups);
    }
}
