package org.rightsflow.workflow;

import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import org.rightsflow.deadline.Regime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How far back an access request reaches, per regime ({@code rightsflow.lookback.<REGIME>: P12M}), for systems
 * that declare when they collected each row. The CCPA right to know covers the 12 months before the request
 * (Cal. Civ. Code §1798.130(a)(2)(B)); a regime not listed gets everything the systems hold. Set a longer period
 * (CCPA regulations §7024(h): back to 1 January 2022 on request) or remove the entry to give more.
 *
 * @param lookback per regime, how far before the request an access request reaches in systems that say when they
 *                 collected each row; a regime not listed gets everything
 */
@ConfigurationProperties("rightsflow")
record LookbackProperties(Map<Regime, Period> lookback) {

    LookbackProperties {
        // The shipped periods are in application.yml; none configured means every regime gets everything.
        lookback = lookback == null || lookback.isEmpty() ? Map.of() : new EnumMap<>(lookback);
    }

    Period of(Regime regime) {
        return lookback.get(regime);
    }
}
