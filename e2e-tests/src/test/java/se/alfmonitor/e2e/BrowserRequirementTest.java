package se.alfmonitor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Without Chromium the browser tests are skipped on a workstation, but fail where they are required (CI: .ci/run
 * exports ALF_E2E_REQUIRE_CHROMIUM=true), so a CI build never passes without them.
 */
class BrowserRequirementTest {

    private static final Path NOWHERE = Path.of("no-such-dir", "chromium");

    @Test
    void withoutChromiumABrowserTestIsSkippedWhereItIsNotRequired() {
        ConditionEvaluationResult result = Browser.installed(NOWHERE, NOWHERE, false)
                .evaluateExecutionCondition(classContext());
        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(r -> assertThat(r).contains("skipped"));
    }

    @Test
    void withoutChromiumABrowserTestFailsWhereItIsRequired() {
        assertThatThrownBy(() -> Browser.installed(NOWHERE, NOWHERE, true).evaluateExecutionCondition(classContext()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("required");
    }

    /** The class-level context the condition is asked with: no test method. */
    private static ExtensionContext classContext() {
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] { ExtensionContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getTestMethod")) {
                        return Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
