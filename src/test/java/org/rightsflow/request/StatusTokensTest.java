package org.rightsflow.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.rightsflow.support.SecretsProperties;

/**
 * The secret status link: unguessable, the same in every email of a request, and not recoverable from the database
 * (which keeps only the salt and the token's hash).
 */
class StatusTokensTest {

    private static final String REFERENCE = "DSR-2027-000042";

    private final StatusTokens tokens = withLinkKey("a-production-link-key-of-decent-length");

    @Test
    void aMintedTokenIs256BitsOfUrlSafeText() {
        StatusToken minted = tokens.mint(REFERENCE);

        assertThat(minted.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(minted.token())).hasSize(32);
        assertThat(minted.salt()).matches("[0-9a-f]{32}");
        assertThat(minted.hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void theTokenNeverAppearsInLogsThroughToString() {
        StatusToken minted = tokens.mint(REFERENCE);

        assertThat(minted.toString()).doesNotContain(minted.token()).doesNotContain(minted.salt());
    }

    @Test
    void theSameReferenceAndSaltAlwaysGiveTheSameTokenSoEveryEmailCarriesTheSameLink() {
        StatusToken minted = tokens.mint(REFERENCE);

        assertThat(tokens.derive(REFERENCE, minted.salt())).isEqualTo(minted.token());
        assertThat(withLinkKey("a-production-link-key-of-decent-length").derive(REFERENCE, minted.salt()))
                .as("after a restart, with the same key")
                .isEqualTo(minted.token());
    }

    @Test
    void twoRequestsOrTwoMintsNeverShareALink() {
        StatusToken first = tokens.mint(REFERENCE);
        StatusToken second = tokens.mint(REFERENCE);

        assertThat(second.salt()).isNotEqualTo(first.salt());
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(tokens.derive("DSR-2027-000043", first.salt())).isNotEqualTo(first.token());
    }

    @Test
    void anotherSaltGivesAnotherToken() {
        assertThat(tokens.derive(REFERENCE, "00000000000000000000000000000001"))
                .isNotEqualTo(tokens.derive(REFERENCE, "00000000000000000000000000000002"));
    }

    @Test
    void anotherLinkKeyGivesAnotherTokenSoADatabaseCopyAloneOpensNoStatusPage() {
        StatusToken minted = tokens.mint(REFERENCE);
        StatusTokens attacker = withLinkKey("guessed-key");

        assertThat(attacker.derive(REFERENCE, minted.salt())).isNotEqualTo(minted.token());
    }

    @Test
    void theStoredHashFindsTheTokenPresentedInTheUrl() {
        StatusToken minted = tokens.mint(REFERENCE);

        assertThat(tokens.hash(minted.token())).isEqualTo(minted.hash());
        assertThat(tokens.hash(minted.token() + "x")).isNotEqualTo(minted.hash());
        assertThat(tokens.hash("")).as("any string is accepted and finds nothing").matches("[0-9a-f]{64}");
    }

    /** An empty link key stops the start-up before this class exists (SecretsPropertiesTest). */
    private static StatusTokens withLinkKey(String linkKey) {
        return new StatusTokens(new SecretsProperties(linkKey, "", "", "a-suppression-key"));
    }
}
