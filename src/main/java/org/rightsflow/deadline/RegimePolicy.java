package org.rightsflow.deadline;

/**
 * What a regime says about requests, apart from the dates themselves (which {@link StatutoryClock} computes).
 * Loaded from {@code deadline/regimes.yml}, optionally overridden by an operator's policy file.
 */
public interface RegimePolicy {

    Regime regime();

    /** Whether the regime grants this right (docs/legal-rules.md#types-gdpr and the rows after it). */
    boolean grants(RequestType type);

    /**
     * Whether the subject's identity must be verified before acting. Always {@code false} for {@link RequestType#OPT_OUT}
     * and {@link RequestType#LIMIT_SENSITIVE}: CCPA §7026/§7027 forbid verification, and a GDPR Art. 21(3) objection to
     * direct marketing is absolute.
     */
    boolean requiresVerification(RequestType type);

    /**
     * {@code true} when the clock starts on the later of receipt and receipt of the requested ID (ICO guidance for
     * UK GDPR); the caller then passes that later date as the clock start. {@code false}: the clock starts on receipt.
     */
    boolean clockStartsOnVerification();

    /** {@code true} when the clock may pause while a genuinely needed clarification is awaited (UK GDPR). */
    boolean clockMayPause();

    /**
     * Whether a request of this type is answered with only the data the subject provided: a portability request
     * under a regime whose right to portability covers the data "provided to a controller" (GDPR and UK GDPR,
     * Art. 20). Elsewhere a portability request gets the whole access copy in a machine-readable form
     * (docs/legal-rules.md#portability-provided-data). Set by {@code portabilityProvidedDataOnly} in regimes.yml.
     */
    boolean providedDataOnly(RequestType type);

    /**
     * Whether the law gives the subject who asks for access a list of the third parties their data went to (Oregon
     * and Minnesota: the specific third parties; Delaware: their categories), so that the answer says where to find
     * it (docs/legal-rules.md#rights-some-laws-grant). Set by {@code thirdPartyList} in regimes.yml.
     */
    boolean grantsThirdPartyList();

    /**
     * Where the law lets the business answer after the due date if it tells the subject in time why and by when
     * (South Korea, Singapore: docs/legal-rules.md#delay-notice); empty elsewhere. Set by {@code delayNotice} in
     * regimes.yml; a regime with an extension has none.
     */
    java.util.Optional<DelayNotice> delayNotice();

    /** Whether the subject may appeal a refusal to the business (Virginia, Colorado, Connecticut, Texas, Oregon). */
    boolean grantsAppeal();

    /** The holiday calendar used to roll period ends and to count business days, e.g. "US-FEDERAL". */
    String calendarId();

    /** The citation for this type's deadline under this regime. */
    String source(RequestType type);
}
