package se.alfmonitor.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class SmallGroupRuleTest {

    private static final SmallGroupRule RULE = new SmallGroupRule(3);
    private static final Predicate<String> VIEWER = code -> false;

    @Test
    void aRegionOfOneOrTwoUnitsIsSuppressedAndTheNationWhileTheSuppressedHoldFewerThanThree() {
        SmallGroupRule.Suppressed s = RULE.apply(units("01", 3, "12", 1), 4, true, VIEWER);
        assertThat(s.regions()).containsExactly("12");
        assertThat(s.alf()).isTrue();
        assertThat(s.national()).isTrue();
        assertThat(s.minimumUnits()).isEqualTo(3);
    }

    @Test
    void suppressedRegionsHoldingThreeUnitsTogetherLeaveTheAggregatesShown() {
        SmallGroupRule.Suppressed s = RULE.apply(units("01", 3, "12", 1, "03", 2), 6, true, VIEWER);
        assertThat(s.regions()).containsExactly("03", "12");
        assertThat(s.alf()).isFalse();
        assertThat(s.national()).isFalse();
        // no unit is hidden at all, and a region without units has no figure to hide
        assertThat(RULE.apply(units("01", 3, "03", 0), 3, true, VIEWER))
                .isEqualTo(new SmallGroupRule.Suppressed(3, java.util.Set.of(), false, false));
    }

    @Test
    void theNationMinusTheAlfRegionsMustNotGiveBackASmallGroupOutsideThem() {
        // 12 and 03 hide 3 units together, so ALF is shown; the nation would be too, but minus ALF it gives 08's unit
        SmallGroupRule.Suppressed s = RULE.apply(units("01", 3, "12", 1, "03", 2, "08", 1), 7, true, VIEWER);
        assertThat(s.regions()).containsExactly("03", "08", "12");
        assertThat(s.alf()).isFalse();
        assertThat(s.national()).isTrue();
        // without an ALF aggregate the nation pools 4 suppressed units and is shown
        assertThat(RULE.apply(units("01", 3, "12", 1, "03", 2, "08", 1), 7, false, VIEWER).national()).isFalse();
        // units of regions not listed count as suppressed: the nation minus the regions shown gives them back
        assertThat(RULE.apply(units("01", 3), 4, false, VIEWER).national()).isTrue();
        assertThat(RULE.apply(units("01", 3), 6, false, VIEWER).national()).isFalse();
    }

    @Test
    void aSmallAggregateIsSuppressedItselfAndNothingIsHiddenFromWhoSeesTheUnits() {
        assertThat(RULE.apply(units("01", 2), 2, true, VIEWER))
                .isEqualTo(new SmallGroupRule.Suppressed(3, java.util.Set.of("01"), true, true));
        // a reporter of 12 sees its own region; the nation still gives back 03's two units
        SmallGroupRule.Suppressed reporter = RULE.apply(units("01", 3, "12", 1, "03", 2), 6, true, "12"::equals);
        assertThat(reporter.regions()).containsExactly("03");
        assertThat(reporter.alf()).isTrue();
        assertThat(reporter.national()).isTrue();
        assertThat(RULE.apply(units("01", 1, "12", 1), 2, true, code -> true))
                .isEqualTo(new SmallGroupRule.Suppressed(3, java.util.Set.of(), false, false));
    }

    private static Map<String, Integer> units(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }
}
