package org.rightsflow.verification;

import java.time.Clock;
import java.time.Instant;
import org.rightsflow.support.Digests;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and confirms verification links. A link is 256 random bits, single use, and expires; confirming one
 * publishes {@link IdentityVerified} in the same transaction.
 */
@Service
public class IdentityVerification {

    private static final int TOKEN_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 100;

    private final VerificationTokens tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IdentityVerification(VerificationTokens tokens, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a link for the request and returns its token, to be put in the email and nowhere else. */
    @Transactional
    public String issue(String reference, Instant expiresAt) {
        String token = Digests.randomToken(TOKEN_BYTES);
        tokens.save(new VerificationToken(reference, hash(token), clock.instant(), expiresAt));
        return token;
    }

    @Transactional(readOnly = true)
    public LinkCheck check(String token) {
        if (!plausible(token)) {
            return LinkCheck.unknown();
        }
        return tokens.findByTokenHash(hash(token)).map(t -> t.check(clock.instant())).orElse(LinkCheck.unknown());
    }

    /**
     * Confirms a link once. Returns the check as it stood; only a VALID link is used up and announced.
     *
     * @throws VerificationNotAccepted when the request no longer waits for verification; nothing is changed then
     */
    @Transactional
    public LinkCheck confirm(String token) {
        if (!plausible(token)) {
            return LinkCheck.unknown();
        }
        Instant now = clock.instant();
        return tokens.lockByTokenHash(hash(token)).map(stored -> {
            LinkCheck result = stored.check(now);
            if (result.state() == LinkCheck.State.VALID) {
                stored.use(now);
                events.publishEvent(new IdentityVerified(result.reference(), now));
            }
            return result;
        }).orElse(LinkCheck.unknown());
    }

    /** Withdraws every open link of a request, e.g. when it is closed. */
    @Transactional
    public void revokeAll(String reference) {
        Instant now = clock.instant();
        tokens.findByRequestReference(reference).forEach(token -> token.revoke(now));
    }

    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_TOKEN_LENGTH;
    }

    private static String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
