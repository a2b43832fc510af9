package org.rightsflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The keys never reach a log through the record, and an absent key reads as empty, never as null. */
class SecretsPropertiesTest {

    @Test
    void printingTheRecordShowsNoKey() {
        SecretsProperties secrets = new SecretsProperties("link-secret", "a=data-secret", "hash-secret",
                "suppression-secret");

        assertThat(secrets.toString()).doesNotContain("secret");
    }

    @Test
    void anAbsentKeyIsEmpty() {
        SecretsProperties secrets = new SecretsProperties(null, null, null, null);

        assertThat(secrets.linkKey()).isEmpty();
        assertThat(secrets.dataKeys()).isEmpty();
        assertThat(secrets.erasureHashKey()).isEmpty();
        assertThat(secrets.suppressionKey()).isEmpty();
    }
}
