package org.rightsflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** rightsflow.api.keys as an operator writes it, and which caller each presented key identifies. */
class ApiKeysTest {

    @Test
    void namedKeysIdentifyTheirCallerByName() {
        ApiKeys keys = new ApiKeys("crm=Kx7pQ2mZ9vLw4rT8, shop = Yh3nB6cV1xZa5sD0 ");

        assertThat(keys.nameOf("Kx7pQ2mZ9vLw4rT8")).contains("crm");
        assertThat(keys.nameOf("Yh3nB6cV1xZa5sD0")).as("spaces around name and secret are ignored").contains("shop");
    }

    @Test
    void bareSecretsAreNamedByTheirPosition() {
        ApiKeys keys = new ApiKeys("first-secret-aaaa,second-secret-bbbb");

        assertThat(keys.nameOf("first-secret-aaaa")).contains("key-1");
        assertThat(keys.nameOf("second-secret-bbbb")).contains("key-2");
    }

    @Test
    void blankEntriesAreIgnoredAndDoNotCountAsPositions() {
        ApiKeys keys = new ApiKeys(" , crm=Kx7pQ2mZ9vLw4rT8,,  ,bare-secret-cccc, ");

        assertThat(keys.nameOf("Kx7pQ2mZ9vLw4rT8")).contains("crm");
        assertThat(keys.nameOf("bare-secret-cccc")).contains("key-2");
        assertThat(keys.nameOf("")).isEmpty();
        assertThat(keys.nameOf(" ")).isEmpty();
    }

    @Test
    void aSecretMayItselfContainEqualsSigns() {
        ApiKeys keys = new ApiKeys("partner=c2VjcmV0LWtleS1mb3ItcGFydG5lcg==");

        assertThat(keys.nameOf("c2VjcmV0LWtleS1mb3ItcGFydG5lcg==")).contains("partner");
    }

    @Test
    void anUnknownOrAlmostRightKeyIdentifiesNobody() {
        ApiKeys keys = new ApiKeys("crm=Kx7pQ2mZ9vLw4rT8");

        assertThat(keys.nameOf("wrong")).isEmpty();
        assertThat(keys.nameOf("Kx7pQ2mZ9vLw4rT")).as("a prefix").isEmpty();
        assertThat(keys.nameOf("Kx7pQ2mZ9vLw4rT8x")).as("an extension").isEmpty();
        assertThat(keys.nameOf("kx7pq2mz9vlw4rt8")).as("another case").isEmpty();
        assertThat(keys.nameOf("crm")).as("the name is not the secret").isEmpty();
        assertThat(keys.nameOf(null)).isEmpty();
    }

    @Test
    void withoutConfiguredKeysNoKeyIsAccepted() {
        ApiKeys keys = new ApiKeys("");

        assertThat(keys.nameOf("")).isEmpty();
        assertThat(keys.nameOf("demo-api-key")).isEmpty();
        assertThat(keys.containsDemoKey()).isFalse();
    }

    @Test
    void theDemoKeyIsRecognisedBareOrNamed() {
        assertThat(new ApiKeys("demo-api-key").containsDemoKey()).isTrue();
        assertThat(new ApiKeys("crm=Kx7pQ2mZ9vLw4rT8, ci = demo-api-key").containsDemoKey()).isTrue();
        assertThat(new ApiKeys("demo-api-key-2, demo=Kx7pQ2mZ9vLw4rT8").containsDemoKey()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm=", "crm=  ", "crm=Kx7pQ2mZ9vLw4rT8, partner="})
    void aKeyWithAnEmptySecretIsRefusedSoAnEmptyHeaderCanNeverAuthenticate(String configured) {
        assertThatThrownBy(() -> new ApiKeys(configured))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rightsflow.api.keys")
                .hasMessageContaining("empty secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kx7pQ2mZ9vLw4rT8Yh3nB6cV=", "Kx7pQ2mZ9vLw4rT8Yh3nB6cV=="})
    void aBareBase64KeyWithPaddingIsRefusedWithoutRepeatingIt(String configured) {
        // It would read as name=<padding>: the real secret as the name (written to the timeline as the actor), and
        // "=" or nothing as the secret.
        assertThatThrownBy(() -> new ApiKeys("crm=Kx7pQ2mZ9vLw4rT8, " + configured))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("entry 2")
                .hasMessageContaining("name=secret")
                .hasMessageNotContaining("Kx7pQ2mZ9vLw4rT8Yh3nB6cV");
    }
}
