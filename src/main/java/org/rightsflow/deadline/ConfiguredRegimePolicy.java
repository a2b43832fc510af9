package org.rightsflow.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.rightsflow.deadline.DeadlineRule.RuleYaml;
import org.rightsflow.support.RequiredText;
import org.rightsflow.support.YamlTree;

/**
 * A {@link RegimePolicy} read from {@code regimes.yml} (or an operator's policy file), with the periods the clock needs.
 *
 * @param regime                    the regime
 * @param calendarId                holiday calendar for rolls and business days
 * @param clockStartsOnVerification see {@link RegimePolicy#clockStartsOnVerification()}
 * @param clockMayPause             see {@link RegimePolicy#clockMayPause()}
 * @param portabilityProvidedDataOnly see {@link RegimePolicy#providedDataOnly(RequestType)}
 * @param thirdPartyList            see {@link RegimePolicy#grantsThirdPartyList()}
 * @param notGranted                request types the regime grants no right to
 * @param noVerification            request types that must be honoured without identity verification
 * @param general                   the regime's general periods, for every type without its own rule
 * @param typeRules                 periods for particular types (e.g. CCPA opt-out: 15 business days)
 * @param appeal                    the period to decide an appeal against a refusal, where the law grants an appeal
 *                                  (Virginia, Colorado, Connecticut, Texas, Oregon); null where it grants none
 * @param delayNoticeRule           see {@link RegimePolicy#delayNotice()}; null where the law has none
 */
record ConfiguredRegimePolicy(Regime regime, String calendarId, boolean clockStartsOnVerification, boolean clockMayPause,
                              boolean portabilityProvidedDataOnly, boolean thirdPartyList, Set<RequestType> notGranted,
                              Set<RequestType> noVerification, DeadlineRule general, Map<RequestType, DeadlineRule> typeRules, DeadlineRule appeal,
                              DelayNotice delayNoticeRule)
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
     * One entry under {@code regimes:} as written:
     * <pre>
     * GDPR:
     *   calendar: EU
     *   clockStartsOnVerification: false
     *   clockMayPause: false
     *   portabilityProvidedDataOnly: true
     *   thirdPartyList: false
     *   notGranted: [LIMIT_SENSITIVE]
     *   noVerification: [OPT_OUT, LIMIT_SENSITIVE]
     *   general: {response: ..., extended: ..., acknowledgement: ..., source: ...}
     *   types:
     *     OPT_OUT: {response: ..., source: ...}
     * </pre>
     * The four settings left out are false.
     */
    record RegimeYaml(@RequiredText String calendar,
                      boolean clockStartsOnVerification, boolean clockMayPause, boolean portabilityProvidedDataOnly,
                      boolean thirdPartyList,
                      List<@NotNull(message = "expected a request type") RequestType> notGranted,
                      List<@NotNull(message = "expected a request type") RequestType> noVerification,
                      @NotNull(message = YamlTree.REQUIRED) @Valid RuleYaml general,
                      Map<String, @NotNull(message = YamlTree.REQUIRED) @Valid RuleYaml> types,
                      @Valid RuleYaml appeal,
                      @Valid DelayNoticeYaml delayNotice) {

        /** The policy, after the rules that span several keys; {@code where} is this regime's place in the file. */
        ConfiguredRegimePolicy policy(Regime regime, YamlTree where) {
            Set<RequestType> notGranted = once(this.notGranted, where.at("notGranted"));
            Set<RequestType> noVerification = once(this.noVerification, where.at("noVerification"));
            if (!noVerification.containsAll(NEVER_VERIFIED)) {
                // Not configurable on purpose: CCPA §7026/§7027 forbid verification for these, and a GDPR Art. 21(3)
                // objection to direct marketing is absolute. A policy file must not be able to switch that off.
                throw where.at("noVerification").error("must include OPT_OUT and LIMIT_SENSITIVE (CCPA §7026/§7027: "
                        + "no verification may be required; GDPR Art. 21(3): an objection to direct marketing is "
                        + "absolute); found " + noVerification);
            }
            Map<RequestType, DeadlineRule> typeRules = new EnumMap<>(RequestType.class);
            if (types != null) {
                YamlTree typesAt = where.at("types");
                types.forEach((name, rule) -> {
                    YamlTree at = typesAt.at(name);
                    RequestType type = typesAt.keyConstant(name, RequestType.class, "a request type");
                    if (notGranted.contains(type)) {
                        throw at.error(type + " is listed in notGranted; a type the regime does not grant follows "
                                + "the general period, so it cannot have its own rule");
                    }
                    typeRules.put(type, rule.rule(at));
                });
            }
            DeadlineRule generalRule = general.rule(where.at("general"));
            if (delayNotice != null && (generalRule.extended() != null
                    || typeRules.values().stream().anyMatch(rule -> rule.extended() != null))) {
                // One way to answer late, not two: a law with an extension of set length has no open-ended delay.
                throw where.at("delayNotice").error("a regime with an extension (extended) cannot also have a "
                        + "delay notice");
            }
            return new ConfiguredRegimePolicy(regime, calendar.strip(), clockStartsOnVerification, clockMayPause,
                    portabilityProvidedDataOnly, thirdPartyList, notGranted, noVerification, generalRule,
                    typeRules, appeal == null ? null : appeal.rule(where.at("appeal")),
                    delayNotice == null ? null : new DelayNotice(delayNotice.latestDaysAfterDue(),
                            delayNotice.source().strip()));
        }

        /** The listed types as a set; left out or null is none, a type listed twice is most likely a slip. */
        private static Set<RequestType> once(List<RequestType> listed, YamlTree where) {
            Set<RequestType> types = EnumSet.noneOf(RequestType.class);
            for (RequestType type : listed == null ? List.<RequestType>of() : listed) {
                if (!types.add(type)) {
                    throw where.error(type + " is listed twice");
                }
            }
            return types;
        }
    }

    @Override
    public boolean providedDataOnly(RequestType type) {
        return type == RequestType.PORTABILITY && portabilityProvidedDataOnly;
    }

    /** {@code delayNotice: {latestDaysAfterDue: 30, source: "..."}} as written. */
    record DelayNoticeYaml(@jakarta.validation.constraints.Min(value = 1, message = "must be at least 1")
                           @jakarta.validation.constraints.Max(value = 365, message = "must be at most 365")
                           int latestDaysAfterDue,
                           @RequiredText String source) {
    }

    @Override
    public java.util.Optional<DelayNotice> delayNotice() {
        return java.util.Optional.ofNullable(delayNoticeRule);
    }

    @Override
    public boolean grantsThirdPartyList() {
        return thirdPartyList;
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
