package se.alfmonitor.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.alfmonitor.assessment.RuleSetDocuments;
import se.alfmonitor.contract.problem.FieldError;

/** The checks of a candidate rule set against its questionnaire version, every problem found in one pass. */
class RuleSetCompilerCheckTest {

    @Test
    void theShippedRuleSetPassesEveryCheck() {
        RuleSetCompiler.Checked checked = RuleSetCompiler.check(RuleSetDocuments.shipped("x"));
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.ruleSet().levels()).hasSize(27);
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPointer() {
        ObjectNode document = RuleSetDocuments.shipped("hostile");
        RuleSetDocuments.level(document, 2).put("met", "'zz' in answers && answers['zz'] == 'JA'");
        RuleSetDocuments.level(document, 3).put("met", "answers['6a'] ==");
        RuleSetDocuments.level(document, 5).putArray("items").add("nope");
        RuleSetDocuments.level(document, 9).put("met", "'16a' in answers && answers['16a'] == 'MAYBE'");
        RuleSetDocuments.level(document, 12).put("met",
                "'19a' in answers && answers['19a'].exists(c, c in ['LECTURES', 'COURSES_LECTURES_SEMINARS'])");
        RuleSetDocuments.level(document, 26).put("met", "'38' in answers && '2022' in answers['38']");
        RuleSetDocuments.level(document, 4).put("met", "answers['7a'] == 'JA'");
        RuleSetDocuments.level(document, 6).put("area", "SOMEWHERE");
        ((ArrayNode) document.get("levels")).remove(26);

        RuleSetCompiler.Checked checked = RuleSetCompiler.check(document);

        assertThat(checked.ruleSet()).isNull();
        assertThat(checked.problems()).extracting(FieldError::code, FieldError::pointer).containsExactlyInAnyOrder(
                tuple("UNKNOWN_ITEM", "/levels/1/met"),
                tuple("EXPRESSION_INVALID", "/levels/2/met"),
                tuple("EXPRESSION_FAILS", "/levels/3/met"),
                tuple("UNKNOWN_ITEM", "/levels/4/items/0"),
                tuple("INVALID_AREA", "/levels/5/area"),
                tuple("INVALID_OPTION", "/levels/8/met"),
                tuple("INVALID_OPTION", "/levels/11/met"),
                tuple("UNKNOWN_YEAR", "/levels/25/met"),
                tuple("LEVEL_MISSING", "/levels"));
        assertThat(checked.problems()).filteredOn(p -> p.code().equals("INVALID_OPTION"))
                .extracting(FieldError::message)
                .containsExactlyInAnyOrder(
                        "level 9 met compares item 16a with MAYBE, which is not one of its options [JA, NEJ]",
                        "level 12 met compares item 19a with LECTURES, which is not one of its options "
                                + "[COURSES_LECTURES_SEMINARS, SUPERVISION_OF_SCIENTIFIC_WORK, "
                                + "WORKPLACE_INTEGRATED_LEARNING]");
        assertThat(checked.problems()).filteredOn(p -> p.code().equals("LEVEL_MISSING"))
                .extracting(FieldError::message).containsExactly("level 27 is missing");
    }

    @Test
    void aLevelGivenTwiceOrOutsideTheMinimumLevelsAndAnUnknownQuestionnaireAreRefused() {
        ObjectNode document = RuleSetDocuments.shipped("twice");
        RuleSetDocuments.level(document, 2).put("number", 1);
        RuleSetDocuments.level(document, 3).put("number", 28);
        document.putObject("questionnaire").put("key", "alf-usve").put("version", "1999");

        assertThat(RuleSetCompiler.check(document).problems()).extracting(FieldError::code, FieldError::pointer)
                .contains(tuple("LEVEL_DUPLICATE", "/levels/1/number"), tuple("LEVEL_UNKNOWN", "/levels/2/number"),
                        tuple("UNKNOWN_QUESTIONNAIRE", "/questionnaire"), tuple("LEVEL_MISSING", "/levels"));
    }
}
