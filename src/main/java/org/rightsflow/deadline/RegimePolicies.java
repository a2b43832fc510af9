package org.rightsflow.deadline;

import org.rightsflow.support.YamlNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

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

    /** The policies shipped with Rightsflow. */
    public static RegimePolicies shipped() {
        YamlNode yaml = YamlNode.parseClasspath(SHIPPED_RESOURCE);
        Map<Regime, ConfiguredRegimePolicy> policies = read(yaml);
        for (Regime regime : Regime.values()) {
            if (!policies.containsKey(regime)) {
                throw yaml.error("regimes", "no policy for " + regime + "; every regime needs one");
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
        policies.putAll(read(YamlNode.parseFile(policyFile)));
        return new RegimePolicies(policies);
    }

    private static Map<Regime, ConfiguredRegimePolicy> read(YamlNode yaml) {
        yaml.allowOnly("regimes");
        YamlNode regimes = yaml.node("regimes");
        Map<Regime, ConfiguredRegimePolicy> policies = new EnumMap<>(Regime.class);
        for (String name : regimes.keys()) {
            Regime regime;
            try {
                regime = Regime.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw regimes.error(name, "'" + name + "' is not a regime; expected one of " + Arrays.toString(Regime.values()));
            }
            policies.put(regime, ConfiguredRegimePolicy.fromYaml(regime, regimes.node(name)));
        }
        return policies;
    }

    public RegimePolicy policy(Regime regime) {
        return configured(regime);
    }

    ConfiguredRegimePolicy configured(Regime regime) {
        return policiesByRegime.get(Objects.requireNonNull(regime, "regime"));
    }
}
