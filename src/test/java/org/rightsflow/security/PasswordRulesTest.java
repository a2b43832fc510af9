package org.rightsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

    private final PasswordRules rules = PasswordRules.standard();

    @Test
    void aLongUnlistedPasswordWithoutTheUserNamePasses() {
        assertThat(rules.problems("bea", "violet tractor 47 marmalade")).isEmpty();
    }

    @Test
    void aShortPasswordIsRefusedForItsLength() {
        assertThat(rules.problems("bea", "Xk9#mq2!")).containsExactly("It is shorter than 12 characters.");
    }

    @Test
    void thePasswordMayNotContainTheUserNameInAnyCase() {
        assertThat(rules.problems("bea.billing", "my-BEA.BILLING-secret-2027")).containsExactly(
                "It contains your user name.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"winniethepooh", "WinnieThePooh", "Password1234!", "!!qwertyuiop99", "monkeymonkeymonkey",
            "letmein123456"})
    void listedPasswordsAndListedWordsStretchedWithDigitsOrRepeatsAreRefused(String password) {
        assertThat(rules.problems("bea", password))
                .contains("It is on a list of commonly used passwords, or is one with digits or symbols added.");
    }

    @Test
    void theShippedListIsLoaded() {
        assertThat(rules.isCommon("password")).isTrue();
        assertThat(rules.isCommon("123456")).isTrue();
        assertThat(rules.isCommon("violet tractor 47 marmalade")).isFalse();
    }

    @Test
    void anOverlongPasswordIsRefused() {
        assertThat(rules.problems("bea", "violet tractor ".repeat(10))).containsExactly(
                "It is longer than 128 characters.");
    }
}
