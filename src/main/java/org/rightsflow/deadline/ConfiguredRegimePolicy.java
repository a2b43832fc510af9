package org.rightsflow.deadline;

import org.rightsflow.support.YamlNode;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link RegimePolicy} read from {@code regimes.yml} (or an operator's policy file), with the periods the clock needs.
 *
 * @param regime                    the regime
 * @param calendarId                holiday calendar for rolls and business days
 * @param clockStartsOnVerification see {@link RegimePolicy#clockStartsOnVerification()}
 * @param clockMayPause             see {@link RegimePolicy#clockMayPause()}
 * @param notGranted                request types the regime grants no right to
 * @param noVerification            request types that must be honoured without identity verification
 * @param general                   the regime's general periods, for every type without its own rule
 * @param typeRules                 periods for particular types (e.g. CCPA opt-out: 15 business days)
 * @param appeal                    the period to decide an appeal against a refusal, where the law grants an appeal
 *                                  (Virginia, Colorado, Connecticut, Texas, Oregon); null where it grants none
 */
record ConfiguredRegimePolicy(Regime regime, String calendarId, boolean clockStartsOnVerification, boolean clockMayPause,
                              Set<RequestType> notGranted, Set<RequestType> noVerification,
                              DeadlineRule general, Map<RequestType, DeadlineRule> typeRules, DeadlineRule appeal)
        implements RegimePolicy {

    /** Opt-out and limit requests need no verification in any regime: docs/legal-rules.md#opt-out-no-verification. */
    static final Set<RequestType> NEVER_VERIFIED = EnumSet.of(RequestType.OPT_OUT, RequestType.LIMIT_SENSITIVE);

    ConfiguredRegimePolicy {
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(calendarId, "calendarId");
        Objects.requireNonNull(general, "general");
        notGranted = Collections.unmodifiableSet(copy(notGranted));
        noVerification = Collections.unmodifiableSet(copy(noVerification));
        typeRules = Collections.unmodifiableMap(typeRules.isEmpty() ? new EnumMap<>(RequestType.class) : new EnumMap<>(typeRules));
    }

    private static Set<RequestType> copy(Set<RequestType> types) {
        Set<RequestType> copy = EnumSet.noneOf(RequestType.class);
        copy.addAll(types);
        return copy;
    }

    /**
     * Reads one entry under {@code regimes:}:
     * <pre>
     * GDPR:
     *   calendar: EU
     *   clockStartsOnVerification: false
     *   clockMayPause: false
     *   notGranted: [LIMIT_SENSITIVE]
     *   noVerification: [OPT_OUT, LIMIT_SENSITIVE]
     *   general: {response: ..., extended: ..., acknowledgement: ..., source: ...}
     *   types:
     *     OPT_OUT: {response: ..., source: ...}
     * </pre>
     */
    static ConfiguredRegimePolicy fromYaml(Regime regime, YamlNode yaml) {
        yaml.allowOnly("calendar", "clockStartsOnVerification", "clockMayPause", "notGranted", "noVerification",
                "general", "types", "appeal");
        Set<RequestType> notGranted = yaml.enumSet("notGranted", RequestType.class);
        Set<RequestType> noVerification = yaml.enumSet("noVerification", RequestType.class);
        if (!noVerification.containsAll(NEVER_VERIFIED)) {
            // Not configurable on purpose: CCPA §7026/§7027 forbid verification for these, and a GDPR Art. 21(3)
            // objection to direct marketing is absolute. A policy file must not be able to switch that off.
            throw yaml.error("noVerification", "must include OPT_OUT and LIMIT_SENSITIVE (CCPA §7026/§7027: no verification "
                    + "may be required; GDPR Art. 21(3): an objection to direct marketing is absolute); found " + noVerification);
        }

        Map<RequestType, DeadlineRule> typeRules = new EnumMap<>(RequestType.class);
        YamlNode types = yaml.optionalNode("types").orElse(null);
        if (types != null) {
            for (String typeName : types.keys()) {
                RequestType type = parseType(types, typeName);
                if (notGranted.contains(type)) {
                    throw types.error(typeName, type + " is listed in notGranted; a type the regime does not grant follows "
                            + "the general period, so it cannot have its own rule");
                }
                typeRules.put(type, DeadlineRule.fromYaml(types.node(typeName)));
            }
        }
        return new ConfiguredRegimePolicy(regime, yaml.string("calendar"),
                yaml.bool("clockStartsOnVerification", false), yaml.bool("clockMayPause", false),
                notGranted, noVerification, DeadlineRule.fromYaml(yaml.node("general")), typeRules,
                yaml.optionalNode("appeal").map(DeadlineRule::fromYaml).orElse(null));
    }

    private static RequestType parseType(YamlNode types, String typeName) {
        try {
            return RequestType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw types.error(typeName, "'" + typeName + "' is not a request type; expected one of "
                    + Arrays.toString(RequestType.values()));
        }
    }

    @Override
    public boolean grantsAppeal() {
        return appeal != null;
    }

    @Override
    public boolean grants(RequestType type) {
        return !notGranted.contains(type);
    }

    @Override
    public boolean requiresVerification(RequestType type) {
        return !noVerification.contains(type);
    }

    /**
     * The periods for this type: its own rule if it has one, otherwise the general one. A type the regime does not
     * grant always follows the general period (the StatutoryDeadline contract: "dates then follow the regime's general
     * period so a company can still honour it voluntarily").
     */
    DeadlineRule ruleFor(RequestType type) {
        if (!grants(type)) {
            return general;
        }
        return typeRules.getOrDefault(type, general);
    }

    @Override
    public String source(RequestType type) {
        if (!grants(type)) {
            return "No statutory right under " + regime.lawName() + "; general period applied voluntarily: " + general.source();
        }
        return ruleFor(type).source();
    }
}
