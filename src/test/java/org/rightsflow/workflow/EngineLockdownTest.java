package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names the bean whitelist is made of: what each expression of a model starts with. */
class EngineLockdownTest {

    @Test
    void aMethodCallNamesItsBeanAndItsArgumentsNotTheMethod() {
        assertThat(EngineLockdown.rootIdentifiers("${!packagePolicy.reviewBeforeRelease(regime, requestType)}"))
                .containsExactlyInAnyOrder("packagePolicy", "regime", "requestType");
    }

    @Test
    void textInQuotesAndElKeywordsAreNoNames() {
        assertThat(EngineLockdown.rootIdentifiers("${route == 'manual' and not empty other.get(\"environment\")}"))
                .containsExactlyInAnyOrder("route", "other");
    }

    @Test
    void everyExpressionOfAValueCountsAndPlainTextNone() {
        assertThat(EngineLockdown.rootIdentifiers("Due ${dueDate}, key #{execution.processBusinessKey}; environment"))
                .containsExactlyInAnyOrder("dueDate", "execution");
    }
}
