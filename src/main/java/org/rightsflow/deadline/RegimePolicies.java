package org.rightsflow.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.rightsflow.deadline.ConfiguredRegimePolicy.RegimeYaml;
import org.rightsflow.support.YamlTree;

/**
 * The policy of every {@link Regime}, read from {@code deadline/regimes.yml} on the classpath and optionally
 * overridden by an operator's policy file of the same shape. A regime listed in the policy file replaces the shipped
 * definition of that regime entirely; regimes not listed keep the shipped definition.
 */
public final class RegimePolicies {

    static final String SHIPPED_RESOURCE = "deadline/regimes.yml";

    private final Map<Regime, ConfiguredRegimePolicy> policiesByRegime;

    private RegimePolicies(Map<Regime, ConfiguredRegimePolicy> policiesByRegime) {
        this.policiesByRegime = Collections.unmodifiableMap(new EnumMap<>(policiesByRegime));
    }

    /** A policy file as written: {@code regimes:} and one entry per regime (the shape: regimes.yml). */
    private record PolicyFile(@NotNull(message = YamlTree.REQUIRED)
                              Map<String, @NotNull(message = YamlTree.REQUIRED) @Valid RegimeYaml> regimes) {
    }

    /** The policies shipped with Rightsflow. */
    public static RegimePolicies shipped() {
        YamlTree file = YamlTree.parseResource(SHIPPED_RESOURCE);
        Map<Regime, ConfiguredRegimePolicy> policies = read(file);
        for (Regime regime : Regime.values()) {
            if (!policies.containsKey(regime)) {
                throw file.at("regimes").error("no policy for " + regime + "; every regime needs one");
            }
        }
        return new RegimePolicies(policies);
    }

    /**
     * The shipped policies with the regimes in {@code policyFile} replaced.
     *
     * @throws IllegalArgumentException if the file is missing or malformed
     */
    public static RegimePolicies withOverrides(Path policyFile) {
        Objects.requireNonNull(policyFile, "policyFile");
        Map<Regime, ConfiguredRegimePolicy> policies = new EnumMap<>(shipped().policiesByRegime);
        policies.putAll(read(YamlTree.parseFile(policyFile)));
        return new RegimePolicies(policies);
    }

    private static Map<Regime, ConfiguredRegimePolicy> read(YamlTree file) {
        YamlTree regimes = file.at("regimes");
        Map<Regime, ConfiguredRegimePolicy> policies = new EnumMap<>(Regime.class);
        file.bind(PolicyFile.class).regimes().forEach((name, yaml) -> {
            Regime regime = regimes.keyConstant(name, Regime.class, "a regime");
            policies.put(regime, yaml.policy(regime, regimes.at(name)));
        });
        return policies;
    }

    public RegimePolicy policy(Regime regime) {
        return configured(regime);
    }

    ConfiguredRegimePolicy configured(Regime regime) {
        return policiesByRegime.get(Objects.requireNonNull(regime, "regime"));
    }
}
