package org.rightsflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** rightsflow.api.keys as an operator writes it: which caller each presented key identifies, and with what scopes. */
class ApiKeysTest {

    private static String nameOf(ApiKeys keys, String presented) {
        return keys.find(presented).map(ApiKeys.Key::name).orElse(null);
    }

    @Test
    void namedKeysIdentifyTheirCallerByNameWithTheirScopes() {
        ApiKeys keys = new ApiKeys("crm:submit+read-own=Kx7pQ2mZ9vLw4rT8, shop : optouts + suppression = Yh3nB6cV1xZa5sD0 ");

        assertThat(keys.find("Kx7pQ2mZ9vLw4rT8")).get().satisfies(key -> {
            assertThat(key.name()).isEqualTo("crm");
            assertThat(key.scopes()).containsExactlyInAnyOrder(ApiScope.SUBMIT, ApiScope.READ_OWN);
        });
        assertThat(keys.find("Yh3nB6cV1xZa5sD0")).as("spaces around name, scopes and secret are ignored").get()
                .satisfies(key -> {
                    assertThat(key.name()).isEqualTo("shop");
                    assertThat(key.scopes()).isEqualTo(Set.of(ApiScope.OPTOUTS, ApiScope.SUPPRESSION));
                });
    }

    @Test
    void everyScopeHasTheNameTheOperatorWrites() {
        ApiKeys keys = new ApiKeys("all:submit+optouts+suppression+read-own+read-all=Kx7pQ2mZ9vLw4rT8");

        assertThat(keys.find("Kx7pQ2mZ9vLw4rT8").orElseThrow().scopes()).containsExactlyInAnyOrder(ApiScope.values());
    }

    @Test
    void blankEntriesAreIgnoredAndDoNotCountAsPositions() {
        ApiKeys keys = new ApiKeys(" , crm:submit=Kx7pQ2mZ9vLw4rT8,,  ,shop:read-all=bare-secret-cccc, ");

        assertThat(nameOf(keys, "Kx7pQ2mZ9vLw4rT8")).isEqualTo("crm");
        assertThat(nameOf(keys, "bare-secret-cccc")).isEqualTo("shop");
        assertThat(keys.find("")).isEmpty();
        assertThat(keys.find(" ")).isEmpty();
    }

    @Test
    void aSecretMayItselfContainEqualsSignsAndColons() {
        ApiKeys keys = new ApiKeys("partner:submit=c2VjcmV0LWtleS1mb3ItcGFydG5lcg==,other:submit=a:b=c");

        assertThat(nameOf(keys, "c2VjcmV0LWtleS1mb3ItcGFydG5lcg==")).isEqualTo("partner");
        assertThat(nameOf(keys, "a:b=c")).isEqualTo("other");
    }

    @Test
    void anUnknownOrAlmostRightKeyIdentifiesNobody() {
        ApiKeys keys = new ApiKeys("crm:submit=Kx7pQ2mZ9vLw4rT8");

        assertThat(keys.find("wrong")).isEmpty();
        assertThat(keys.find("Kx7pQ2mZ9vLw4rT")).as("a prefix").isEmpty();
        assertThat(keys.find("Kx7pQ2mZ9vLw4rT8x")).as("an extension").isEmpty();
        assertThat(keys.find("kx7pq2mz9vlw4rt8")).as("another case").isEmpty();
        assertThat(keys.find("crm")).as("the name is not the secret").isEmpty();
        assertThat(keys.find(null)).isEmpty();
    }

    @Test
    void withoutConfiguredKeysNoKeyIsAccepted() {
        ApiKeys keys = new ApiKeys("");

        assertThat(keys.find("")).isEmpty();
        assertThat(keys.find("demo-api-key")).isEmpty();
        assertThat(keys.containsDemoKey()).isFalse();
    }

    @Test
    void theDemoKeyIsRecognisedWhateverItsName() {
        assertThat(new ApiKeys("demo:read-all=demo-api-key").containsDemoKey()).isTrue();
        assertThat(new ApiKeys("crm:submit=Kx7pQ2mZ9vLw4rT8, ci:submit = demo-api-key").containsDemoKey()).isTrue();
        assertThat(new ApiKeys("x:submit=demo-api-key-2, demo:submit=Kx7pQ2mZ9vLw4rT8").containsDemoKey()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm:submit=", "crm:submit=  ", "crm:submit=Kx7pQ2mZ9vLw4rT8, partner:submit="})
    void aKeyWithAnEmptySecretIsRefusedSoAnEmptyHeaderCanNeverAuthenticate(String configured) {
        assertThatThrownBy(() -> new ApiKeys(configured))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rightsflow.api.keys")
                .hasMessageContaining("empty secret");
    }

    @Test
    void anUnknownScopeRefusesToStartAndNamesTheKnownOnes() {
        assertThatThrownBy(() -> new ApiKeys("crm:submit+read-everything=Kx7pQ2mZ9vLw4rT8"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("entry 1")
                .hasMessageContaining("unknown scope 'read-everything'")
                .hasMessageContaining("submit, optouts, suppression, read-own, read-all")
                .hasMessageNotContaining("Kx7pQ2mZ9vLw4rT8");
    }

    @Test
    void aKeyWithoutScopesIsRefused() {
        assertThatThrownBy(() -> new ApiKeys("crm:=Kx7pQ2mZ9vLw4rT8"))
                .hasMessageContaining("key 'crm' has no scope");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kx7pQ2mZ9vLw4rT8Yh3nB6cV", "Kx7pQ2mZ9vLw4rT8Yh3nB6cV==", "crm=Kx7pQ2mZ9vLw4rT8Yh3nB6cV"})
    void theOldFormatsWithoutScopesAreRefusedWithoutRepeatingTheSecret(String configured) {
        // A bare Base64 key with padding would read as name=<padding>: the real secret as the name.
        assertThatThrownBy(() -> new ApiKeys("crm:submit=Kx7pQ2mZ9vLw4rT8, " + configured.replace("crm=", "x=")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("entry 2")
                .hasMessageContaining("name:scope+scope=secret")
                .hasMessageNotContaining("Kx7pQ2mZ9vLw4rT8Yh3nB6cV");
    }

    @Test
    void twoKeysMayNotShareANameOrASecret() {
        assertThatThrownBy(() -> new ApiKeys("crm:submit=Kx7pQ2mZ9vLw4rT8,crm:read-own=Yh3nB6cV1xZa5sD0"))
                .hasMessageContaining("entry 2").hasMessageContaining("'crm' is already used");
        assertThatThrownBy(() -> new ApiKeys("crm:submit=Kx7pQ2mZ9vLw4rT8,shop:read-own=Kx7pQ2mZ9vLw4rT8"))
                .hasMessageContaining("same secret as another key").hasMessageNotContaining("Kx7pQ2mZ9vLw4rT8");
    }
}
