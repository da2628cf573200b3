package se.alfmonitor.survey.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.survey.Fixtures;

/** The validator over the real published definitions, without Quarkus. */
class AnswerValidatorTest {

    private static final QuestionnaireRegistry REGISTRY = QuestionnaireRegistry.load(List.of(
            "questionnaires/alf-usve-2021.json", "questionnaires/regional-research-2021.json"));
    private static final QuestionnaireDefinition ALF = REGISTRY.find("alf-usve", "2021").orElseThrow().definition();
    private static final QuestionnaireDefinition RESEARCH = REGISTRY.find("regional-research", "2021").orElseThrow()
            .definition();

    @Test
    void publishedDefinitionsAreConsistent() {
        assertThat(REGISTRY.all()).hasSize(2);
        assertThat(QuestionnaireRegistry.check(ALF)).isEmpty();
        assertThat(QuestionnaireRegistry.check(RESEARCH)).isEmpty();
        assertThat(ALF.level()).isEqualTo(QuestionnaireLevel.UNIT);
        assertThat(RESEARCH.level()).isEqualTo(QuestionnaireLevel.REGION);
        // groups are flattened: their sub-items are answered under their own ids
        assertThat(ALF.answerable()).containsKeys("13b.1", "13b.5", "35.1").doesNotContainKeys("13b", "35");
    }

    @Test
    void completeFixturesAreValid() {
        assertThat(validate(ALF, Fixtures.completeAlfUsve(), AnswerValidator.Mode.COMPLETE)).isEmpty();
        assertThat(validate(RESEARCH, Fixtures.completeRegionalResearch(), AnswerValidator.Mode.COMPLETE)).isEmpty();
    }

    @Test
    void everyRequiredItemIsReportedAtOnceButNotForDrafts() {
        ObjectNode empty = Fixtures.JSON.createObjectNode();
        List<FieldError> errors = validate(ALF, empty, AnswerValidator.Mode.COMPLETE);
        assertThat(errors).extracting(FieldError::code).containsOnly("REQUIRED_MISSING");
        assertThat(errors).extracting(FieldError::pointer)
                .contains("/answers/3", "/answers/13b.1", "/answers/13b.5", "/answers/38", "/answers/30a",
                        "/answers/staffComposition")
                // optional (15) and conditional items whose condition is not met (24 needs 19b = JA) are not required
                .doesNotContain("/answers/15", "/answers/24", "/answers/explanation3", "/answers/35a");
        assertThat(validate(ALF, empty, AnswerValidator.Mode.DRAFT)).isEmpty();
    }

    @Test
    void everyStructuralProblemComesBackWithItsPointer() {
        ObjectNode answers = Fixtures.completeAlfUsve();
        answers.put("nope", "x");
        answers.put("13b", "JA");
        answers.put("3", "MAYBE");
        answers.put("4a", 1);
        answers.putArray("14a").add("NATIONAL_STUDIES").add("NATIONAL_STUDIES").add("GALACTIC_STUDIES");
        answers.put("experiencedSupervisors", 1001);
        answers.put("designationYear", 2014);
        answers.putObject("15").put("2017", 3).put("2019", -1).put("2020", 2.5);
        answers.put("30a", "x".repeat(4001));
        ObjectNode row = (ObjectNode) answers.withArray("staffComposition").get(3);
        row.put("s9", 1).put("s1", "many");
        ((ObjectNode) answers.withArray("staffComposition").get(1)).put("gender", "KVINNOR");

        List<FieldError> errors = validate(ALF, answers, AnswerValidator.Mode.DRAFT);

        assertThat(errors).extracting(FieldError::code, FieldError::pointer).containsExactlyInAnyOrder(
                tuple("UNKNOWN_ITEM", "/answers/nope"),
                tuple("GROUP_NOT_ANSWERABLE", "/answers/13b"),
                tuple("INVALID_OPTION", "/answers/3"),
                tuple("WRONG_TYPE", "/answers/4a"),
                tuple("DUPLICATE_OPTION", "/answers/14a/1"),
                tuple("INVALID_OPTION", "/answers/14a/2"),
                tuple("OUT_OF_RANGE", "/answers/experiencedSupervisors"),
                tuple("OUT_OF_RANGE", "/answers/designationYear"),
                tuple("UNKNOWN_YEAR", "/answers/15/2017"),
                tuple("OUT_OF_RANGE", "/answers/15/2019"),
                tuple("WRONG_TYPE", "/answers/15/2020"),
                tuple("TOO_LONG", "/answers/30a"),
                tuple("UNKNOWN_COLUMN", "/answers/staffComposition/3/s9"),
                tuple("WRONG_TYPE", "/answers/staffComposition/3/s1"),
                tuple("DUPLICATE_ROW", "/answers/staffComposition/1"));
    }

    @Test
    void noDataIsNullOnlyWhereTheItemAllowsIt() {
        ObjectNode answers = Fixtures.completeAlfUsve();
        answers.with("halftimeSeminars").putNull("2019");
        answers.putNull("experiencedSupervisors");
        assertThat(validate(ALF, answers, AnswerValidator.Mode.COMPLETE)).isEmpty();

        answers.putNull("3");
        answers.with("38").putNull("2021");
        assertThat(validate(ALF, answers, AnswerValidator.Mode.COMPLETE))
                .extracting(FieldError::code, FieldError::pointer)
                .containsExactlyInAnyOrder(tuple("WRONG_TYPE", "/answers/3"), tuple("WRONG_TYPE", "/answers/38/2021"));
    }

    @Test
    void yearlyRequiredItemsNeedEveryYear() {
        ObjectNode answers = Fixtures.completeAlfUsve();
        answers.with("38").remove("2020");
        assertThat(validate(ALF, answers, AnswerValidator.Mode.COMPLETE))
                .extracting(FieldError::code, FieldError::pointer)
                .containsExactly(tuple("REQUIRED_MISSING", "/answers/38/2020"));
    }

    @Test
    void conditionsHideAndRequireItems() {
        ObjectNode answers = Fixtures.completeAlfUsve();
        // no medical students: the VFU follow-up items are not asked
        answers.put("19b", "NEJ");
        List<FieldError> errors = validate(ALF, answers, AnswerValidator.Mode.COMPLETE);
        assertThat(errors).extracting(FieldError::code).containsOnly("HIDDEN_ITEM_ANSWERED");
        assertThat(errors).extracting(FieldError::pointer).containsExactlyInAnyOrder("/answers/vfuGroupSize",
                "/answers/vfuOwnPatients", "/answers/vfuIndividualAssessment", "/answers/vfuOutlocatedShare",
                "/answers/vfuInstructionsShare", "/answers/24", "/answers/25");
        for (String hidden : List.of("vfuGroupSize", "vfuOwnPatients", "vfuIndividualAssessment",
                "vfuOutlocatedShare", "vfuInstructionsShare", "24", "25")) {
            answers.remove(hidden);
        }
        assertThat(validate(ALF, answers, AnswerValidator.Mode.COMPLETE)).isEmpty();

        // choosing OTHER makes its free text required; a condition over several items (35a) follows any of them
        answers.withArray("26").add("OTHER");
        answers.put("35.1", "NEJ");
        assertThat(validate(ALF, answers, AnswerValidator.Mode.COMPLETE))
                .extracting(FieldError::code, FieldError::pointer)
                .containsExactly(tuple("REQUIRED_MISSING", "/answers/26.other"));
        answers.put("35.2", "NEJ");
        assertThat(validate(ALF, answers, AnswerValidator.Mode.COMPLETE))
                .extracting(FieldError::code, FieldError::pointer)
                .containsExactlyInAnyOrder(tuple("REQUIRED_MISSING", "/answers/26.other"),
                        tuple("HIDDEN_ITEM_ANSWERED", "/answers/35a"));
        // drafts are work in progress: conditions are only checked in full validation
        assertThat(validate(ALF, answers, AnswerValidator.Mode.DRAFT)).isEmpty();
    }

    @Test
    void requiredTextMustNotBeBlankAndTableCellsAreChecked() {
        ObjectNode answers = Fixtures.completeAlfUsve();
        answers.put("30a", "   ");
        ((ObjectNode) answers.withArray("staffComposition").get(0)).remove("profession");
        assertThat(validate(ALF, answers, AnswerValidator.Mode.COMPLETE))
                .extracting(FieldError::code, FieldError::pointer)
                .containsExactlyInAnyOrder(tuple("REQUIRED_MISSING", "/answers/30a"),
                        tuple("REQUIRED_MISSING", "/answers/staffComposition/0/profession"));
    }

    @Test
    void regionalResearchTableColumnsAreTyped() {
        ObjectNode answers = Fixtures.completeRegionalResearch();
        ObjectNode study = (ObjectNode) answers.withArray("clinicalStudies").get(0);
        study.put("startDate", "2020-02-30");
        study.putArray("participatingRegions").add("99");
        ((ObjectNode) answers.withArray("clinicalStudies").get(1)).put("registryId", "NCT04512345");
        answers.put("notAnItem", 1);
        assertThat(validate(RESEARCH, answers, AnswerValidator.Mode.COMPLETE))
                .extracting(FieldError::code, FieldError::pointer)
                .containsExactlyInAnyOrder(
                        tuple("INVALID_DATE", "/answers/clinicalStudies/0/startDate"),
                        tuple("INVALID_OPTION", "/answers/clinicalStudies/0/participatingRegions/0"),
                        tuple("DUPLICATE_ROW", "/answers/clinicalStudies/1"),
                        tuple("UNKNOWN_ITEM", "/answers/notAnItem"));
    }

    @Test
    void answersMustBeAnObject() {
        assertThat(validate(ALF, Fixtures.JSON.createArrayNode(), AnswerValidator.Mode.DRAFT))
                .extracting(FieldError::code, FieldError::pointer)
                .containsExactly(tuple("WRONG_TYPE", "/answers"));
        assertThat(AnswerValidator.validate(ALF, null, AnswerValidator.Mode.DRAFT))
                .extracting(FieldError::code).containsExactly("REQUIRED_MISSING");
    }

    private static List<FieldError> validate(QuestionnaireDefinition definition,
            com.fasterxml.jackson.databind.JsonNode answers, AnswerValidator.Mode mode) {
        return AnswerValidator.validate(definition, answers, mode);
    }
}
