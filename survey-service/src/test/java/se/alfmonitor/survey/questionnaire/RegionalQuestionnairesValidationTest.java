package se.alfmonitor.survey.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.survey.Fixtures;

/** The regional management level's two questionnaires as published, and the REFERENCE and DECIMAL checks. */
class RegionalQuestionnairesValidationTest {

    private static final QuestionnaireRegistry REGISTRY = QuestionnaireRegistry.load(List.of(
            "questionnaires/alf-region-2021.json", "questionnaires/region-governance-2021.json"));
    private static final QuestionnaireDefinition.Published REGION = REGISTRY.find("alf-region", "2021").orElseThrow();
    private static final QuestionnaireDefinition.Published GOVERNANCE = REGISTRY.find("region-governance", "2021")
            .orElseThrow();

    @Test
    void bothDefinitionsLoadAsRegionLevelWithTheSpecifiedItemsAllMarkedInferred() {
        QuestionnaireDefinition region = REGION.definition();
        QuestionnaireDefinition governance = GOVERNANCE.definition();
        assertThat(QuestionnaireRegistry.check(region)).isEmpty();
        assertThat(QuestionnaireRegistry.check(governance)).isEmpty();
        assertThat(region.level()).isEqualTo(QuestionnaireLevel.REGION);
        assertThat(governance.level()).isEqualTo(QuestionnaireLevel.REGION);

        List<String> topLevel = region.items().stream().map(Item::id).filter(id -> id.matches("R\\d\\d")).toList();
        List<String> specified = IntStream.rangeClosed(1, 45).filter(n -> n != 6)
                .mapToObj(n -> String.format("R%02d", n)).toList(); // the specification has no R06
        assertThat(topLevel).containsExactlyElementsOf(specified);
        assertThat(governance.items().stream().map(Item::id).filter(id -> id.matches("G\\d\\d")).toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12).mapToObj(n -> String.format("G%02d", n))
                        .toList());
        // R07's six statuses under the specification's sub-item keys
        assertThat(region.answerable()).containsKeys("R07.research.objectives", "R07.development.strategies",
                "R03a", "R05a", "R38c", "R44c.other");

        // AMB-R01: every item, column and option inferred
        List<String> notInferred = new ArrayList<>();
        collectNotInferred(REGION.document().path("items"), notInferred);
        collectNotInferred(GOVERNANCE.document().path("items"), notInferred);
        assertThat(notInferred).isEmpty();

        // verbatim Swedish labels of the specification
        assertThat(region.item("R16").orElseThrow().option("YES_CONTINUOUS").orElseThrow().labelSv())
                .isEqualTo("Ja, kontinuerligt (minst en gång per år)");
        assertThat(region.item("R07.research.objectives").orElseThrow().option("BOTH").orElseThrow().labelSv())
                .isEqualTo("Gemensamt framtagna och beslutade av både regionen och universitetet");
        assertThat(region.item("R04").orElseThrow().textSv()).isEqualTo("Dokumentregister");
        assertThat(governance.item("G02").orElseThrow().option("UNCLEAR").orElseThrow().labelSv())
                .isEqualTo("Framgår inte tydligt av styrdokumenten");

        // document references are typed: R04's decision dates are dates, citations REFERENCE its docId
        Item register = region.item("R04").orElseThrow();
        assertThat(register.column("regionDecisionDate").orElseThrow().type()).isEqualTo(ItemType.DATE);
        assertThat(register.column("universityDecisionDate").orElseThrow().type()).isEqualTo(ItemType.DATE);
        assertThat(List.of("R05a", "R08.research", "R26.docId", "R38b", "R44b"))
                .allSatisfy(id -> assertThat(region.item(id).orElseThrow().references())
                        .isEqualTo(new Item.Reference("R04", "docId")));
        assertThat(governance.item("G05").orElseThrow().column("docRef").orElseThrow().references())
                .isEqualTo(new Item.Reference("documents", "docId"));
        assertThat(governance.item("G08").orElseThrow().column("indicatorId").orElseThrow().references())
                .isEqualTo(new Item.Reference("G07", "indicatorId"));
    }

    @Test
    void theCompleteFixturesAreValid() {
        assertThat(validate(REGION, Fixtures.completeAlfRegion(), AnswerValidator.Mode.COMPLETE)).isEmpty();
        assertThat(validate(GOVERNANCE, Fixtures.completeRegionGovernance(), AnswerValidator.Mode.COMPLETE))
                .isEmpty();
    }

    @Test
    void everyProblemOfAnAlfRegionAnswerComesBackAtOnce() {
        ObjectNode answers = Fixtures.completeAlfRegion();
        answers.put("R01", 5); // wrong type
        answers.remove("R13"); // required
        answers.put("R05a", "D99"); // no such document
        answers.putArray("R08.research").add("D2").add("D404");
        answers.put("R03a", "NEJ"); // hides R03b, which stays answered
        ((ObjectNode) answers.get("R04").get(1)).put("universityDecisionDate", "2019-13-01");
        ((ObjectNode) answers.get("R10")).put("2017", 3);
        answers.putArray("R08.education").add("D2").add("D2");

        assertThat(validate(REGION, answers, AnswerValidator.Mode.COMPLETE))
                .extracting(FieldError::code, FieldError::pointer)
                .containsExactlyInAnyOrder(
                        tuple("WRONG_TYPE", "/answers/R01"),
                        tuple("REQUIRED_MISSING", "/answers/R13"),
                        tuple("UNKNOWN_REFERENCE", "/answers/R05a"),
                        tuple("UNKNOWN_REFERENCE", "/answers/R08.research/1"),
                        tuple("DUPLICATE_REFERENCE", "/answers/R08.education/1"),
                        tuple("HIDDEN_ITEM_ANSWERED", "/answers/R03b"),
                        tuple("INVALID_DATE", "/answers/R04/1/universityDecisionDate"),
                        tuple("UNKNOWN_YEAR", "/answers/R10/2017"));
    }

    @Test
    void everyProblemOfARegionGovernanceAnswerComesBackAtOnce() {
        ObjectNode answers = Fixtures.completeRegionGovernance();
        ((ObjectNode) answers.get("G01").get(0)).put("docRef", "S9");
        ((ObjectNode) answers.get("G08").get(0)).put("targetValue", "sextio");
        ((ObjectNode) answers.get("G09").get(0)).put("indicatorId", "CF-99");
        ((ObjectNode) answers.get("G07").get(1)).put("baselineValue", "3.1.2");
        ((ObjectNode) answers.get("G05").get(0)).remove("docRef");
        answers.put("G02", "SOMETIMES");
        answers.putArray("G12");

        assertThat(validate(GOVERNANCE, answers, AnswerValidator.Mode.COMPLETE))
                .extracting(FieldError::code, FieldError::pointer)
                .containsExactlyInAnyOrder(
                        tuple("UNKNOWN_REFERENCE", "/answers/G01/0/docRef"),
                        tuple("INVALID_NUMBER", "/answers/G08/0/targetValue"),
                        tuple("UNKNOWN_REFERENCE", "/answers/G09/0/indicatorId"),
                        tuple("INVALID_NUMBER", "/answers/G07/1/baselineValue"),
                        tuple("REQUIRED_MISSING", "/answers/G05/0/docRef"),
                        tuple("INVALID_OPTION", "/answers/G02"),
                        tuple("WRONG_TYPE", "/answers/G12"));
    }

    @Test
    void decimalsTakeAPointOrACommaAndReferencesAreResolvedOnlyForCompleteAnswers() {
        ObjectNode answers = Fixtures.completeRegionGovernance();
        ((ObjectNode) answers.get("G08").get(0)).put("targetValue", "-0,5");
        ((ObjectNode) answers.get("G08").get(1)).put("targetValue", "12.25");
        assertThat(validate(GOVERNANCE, answers, AnswerValidator.Mode.COMPLETE)).isEmpty();

        // a draft may cite a document it has not registered yet, but not with a value of the wrong shape
        ObjectNode draft = Fixtures.JSON.createObjectNode();
        draft.put("R05a", "D7");
        draft.putArray("R08.research").add("D7");
        draft.put("R38b", 7);
        assertThat(validate(REGION, draft, AnswerValidator.Mode.DRAFT))
                .extracting(FieldError::code, FieldError::pointer)
                .containsExactly(tuple("WRONG_TYPE", "/answers/R38b"));
    }

    @Test
    void aReferenceMustNameAnotherTablesOnlyUniqueTextColumn() throws Exception {
        JsonNode document = Fixtures.JSON.readTree("""
                {"key": "x", "version": "1", "level": "REGION", "items": [
                  {"id": "docs", "type": "TABLE", "uniqueColumns": ["docId", "title"], "columns": [
                    {"id": "docId", "type": "TEXT"}, {"id": "title", "type": "TEXT"}, {"id": "n", "type": "INTEGER"},
                    {"id": "self", "type": "REFERENCE", "references": {"item": "docs", "column": "docId"}}]},
                  {"id": "a", "type": "REFERENCE", "references": {"item": "docs", "column": "docId"}},
                  {"id": "b", "type": "REFERENCE", "references": {"item": "a", "column": "docId"}},
                  {"id": "c", "type": "REFERENCE", "references": {"item": "docs", "column": "n"}},
                  {"id": "d", "type": "REFERENCE"},
                  {"id": "e", "type": "TEXT", "multiple": true, "format": "ROMAN"},
                  {"id": "f", "type": "INTEGER", "format": "DECIMAL"}]}
                """);
        QuestionnaireDefinition definition = Fixtures.JSON.treeToValue(document, QuestionnaireDefinition.class);
        assertThat(QuestionnaireRegistry.check(definition)).containsExactlyInAnyOrder(
                "docs/self: references docs, which is no other TABLE item",
                "a: docId must be the only unique column of docs",
                "b: references a, which is no other TABLE item",
                "c: references docs/n, which is no TEXT column",
                "d: a REFERENCE needs references {item, column}",
                "e: format ROMAN is not known for TEXT",
                "e: references and multiple belong to REFERENCE items",
                "f: format DECIMAL is not known for INTEGER");
    }

    private static void collectNotInferred(JsonNode items, List<String> into) {
        for (JsonNode item : items) {
            if (!item.path("inferred").asBoolean(false)) {
                into.add(item.path("id").asText());
            }
            for (JsonNode option : item.path("options")) {
                if (!option.path("inferred").asBoolean(false)) {
                    into.add(item.path("id").asText() + "/" + option.path("code").asText());
                }
            }
            collectNotInferred(item.path("items"), into);
            collectNotInferred(item.path("columns"), into);
        }
    }

    private static List<FieldError> validate(QuestionnaireDefinition.Published published, JsonNode answers,
            AnswerValidator.Mode mode) {
        return AnswerValidator.validate(published.definition(), answers, mode);
    }
}
