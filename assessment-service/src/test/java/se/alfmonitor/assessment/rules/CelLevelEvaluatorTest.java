package se.alfmonitor.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.alfmonitor.assessment.AlfUsveAnswers;
import se.alfmonitor.assessment.review.ReviewStatus;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.LevelResult;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.ReviewDecision;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.ReviewRequest;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.UnitFacts;
import se.alfmonitor.contract.events.LevelOutcome;

/**
 * Every one of the 27 levels of the shipped rule set, over answers to the shipped alf-usve questionnaire: answers that
 * meet it, that fail it, that make it not applicable where the level has an automatic pass, and missing data.
 */
class CelLevelEvaluatorTest {

    private static final CompiledRuleSet RULES = RuleSetCompiler.fromClasspath("alf-usve-2021-v1.json");
    private static final CelLevelEvaluator EVALUATOR = new CelLevelEvaluator();
    private static final UnitFacts WITH_PATIENTS = new UnitFacts(true, 2016);
    private static final UnitFacts NO_PATIENTS = new UnitFacts(false, 2016);

    /** An assessor approved every example. */
    private static final Function<ReviewRequest, Optional<ReviewDecision>> APPROVED = r -> Optional
            .of(new ReviewDecision(UUID.randomUUID(), ReviewStatus.APPROVED, "Konkret åtgärd", "assessor"));
    private static final Function<ReviewRequest, Optional<ReviewDecision>> REJECTED = r -> Optional
            .of(new ReviewDecision(UUID.randomUUID(), ReviewStatus.REJECTED, "Bara vidarebefordrat", "assessor"));
    private static final Function<ReviewRequest, Optional<ReviewDecision>> UNDECIDED = r -> Optional.empty();

    record Case(int level, String name, Consumer<ObjectNode> change, UnitFacts unit,
            Function<ReviewRequest, Optional<ReviewDecision>> reviews, LevelOutcome outcome, List<String> sv,
            List<String> en) {

        @Override
        public String toString() {
            return "level " + level + ": " + name + " -> " + outcome;
        }
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        // level 1 (GENERAL)
        c.add(met(1, "3", "«Det har funnits under hela perioden»", "\"There has been such a person for the whole period\""));
        c.add(notMet(1, "part of the period", a -> a.put("3", "PART_OF_PERIOD"), "fråga 3 = «Det har funnits under delar av perioden»",
                "question 3 = \"There has been such a person for part of the period\""));
        c.add(missing(1, "3"));
        // levels 2-5, 9, 11, 17, 19, 25, 27: a single yes/no question
        for (int[] level : new int[][] { { 2 }, { 3 }, { 4 }, { 5 }, { 9 }, { 17 }, { 27 } }) {
            String item = RULES.level(level[0]).rule().items().get(0);
            c.add(met(level[0], item, "«Ja»", "\"Yes\""));
            c.add(notMet(level[0], "no", a -> a.put(item, "NEJ"), "fråga " + item + " = «Nej»",
                    "question " + item + " = \"No\""));
            c.add(missing(level[0], item));
        }
        // level 6: the combination of actor types; 13b.5 "no direct patient contact" is the partial automatic pass
        c.add(met(6, "13b.5", "«Ja»", "\"Yes\""));
        c.add(new Case(6, "13b.5 not applicable (no direct patient contact) passes",
                a -> a.put("13b.5", "NOT_APPLICABLE_NO_DIRECT_PATIENT_CONTACT"), WITH_PATIENTS, UNDECIDED,
                LevelOutcome.MET, List.of("Nivå 6: Uppfylld.", "fråga 13b.5 = «Inte tillämpbart, USVE har inte direkt patientkontakt»"),
                List.of("Level 6: Met.")));
        c.add(new Case(6, "either the own or another university will do",
                a -> a.put("13b.3", "NEJ").put("13b.4", "JA"), WITH_PATIENTS, UNDECIDED, LevelOutcome.MET,
                List.of("fråga 13b.3 = «Nej»", "fråga 13b.4 = «Ja»"), List.of("Level 6: Met.")));
        c.add(notMet(6, "no industry", a -> a.put("13c", "NEJ"), "fråga 13c = «Nej»", "question 13c = \"No\""));
        c.add(notMet(6, "no university", a -> a.put("13b.3", "NEJ").put("13b.4", "NEJ"), "fråga 13b.4 = «Nej»",
                "question 13b.3 = \"No\""));
        c.add(missing(6, "13b.5"));
        // multi-choice levels: any of the listed options
        c.add(met(7, "14a", "[«Pågående regionala studier»]", "[\"Ongoing regional studies\"]"));
        c.add(notMet(7, "none ticked", a -> a.putArray("14a"), "Inget svar på fråga 14a", "No answer to question 14a"));
        c.add(missing(7, "14a"));
        c.add(met(10, "17a", "[«Ja, nationella anslag»]", "[\"Yes, national grants\"]"));
        c.add(notMet(10, "no grants", a -> a.putArray("17a").add("NEJ"), "fråga 17a = [«Nej»]",
                "question 17a = [\"No\"]"));
        c.add(missing(10, "17a"));
        c.add(met(12, "19a", "[«Verksamhetsintegrerat lärande»]", "[\"Workplace-integrated learning\"]"));
        c.add(notMet(12, "none ticked", a -> a.putArray("19a"), "Inget svar på fråga 19a",
                "No answer to question 19a"));
        c.add(missing(12, "19a"));
        c.add(met(16, "26", "[«Handledarträffar»]", "[\"Supervisor meetings\"]"));
        c.add(notMet(16, "none ticked", a -> a.putArray("26"), "Inget svar på fråga 26", "No answer to question 26"));
        c.add(missing(16, "26"));
        c.add(met(20, "32", "[«Processkarta»]", "[\"Process map\"]"));
        c.add(notMet(20, "none ticked", a -> a.putArray("32"), "Inget svar på fråga 32", "No answer to question 32"));
        c.add(missing(20, "32"));
        c.add(met(21, "33", "[«Nationella riktlinjer/vårdprogram»]", "[\"National guidelines/care programmes\"]"));
        c.add(notMet(21, "none ticked", a -> a.putArray("33"), "Inget svar på fråga 33", "No answer to question 33"));
        c.add(missing(21, "33"));
        // level 8: at least 5 articles 2018-2021; unanswered years count as 0
        c.add(met(8, "15", "{2018: 2, 2019: 1, 2020: 1, 2021: 1}", "{2018: 2, 2019: 1, 2020: 1, 2021: 1}"));
        c.add(new Case(8, "unknown years count as zero", a -> {
            ObjectNode years = a.putObject("15").put("2018", 5);
            years.putNull("2019");
        }, WITH_PATIENTS, UNDECIDED, LevelOutcome.MET, List.of("Nivå 8: Uppfylld."), List.of("Level 8: Met.")));
        c.add(notMet(8, "four articles", a -> a.putObject("15").put("2018", 1).put("2019", 1).put("2020", 1)
                .put("2021", 1), "fråga 15 = {2018: 1, 2019: 1, 2020: 1, 2021: 1}", "Rule: Yes if at least 5 articles"));
        c.add(missing(8, "15"));
        // level 11, 19: yes, yes-but-insufficient, no
        c.add(met(11, "18a", "«Ja»", "\"Yes\""));
        c.add(notMet(11, "not sufficient", a -> a.put("18a", "JA_NOT_SUFFICIENT"), "fråga 18a = «Ja, men inte i tillräcklig omfattning»",
                "question 18a = \"Yes, but not to a sufficient extent\""));
        c.add(missing(11, "18a"));
        c.add(met(19, "31", "«Ja»", "\"Yes\""));
        c.add(notMet(19, "not sufficient", a -> a.put("31", "JA_NOT_SUFFICIENT"), "fråga 31 = «Ja, men inte i tillräcklig omfattning»",
                "question 31 = \"Yes, but not to a sufficient extent\""));
        c.add(missing(19, "31"));
        // level 13: all participating staff
        c.add(met(13, "23", "«Ja, all deltagande personal»", "\"Yes, all participating staff\""));
        c.add(notMet(13, "only some", a -> a.put("23", "SOME_PARTICIPATING_STAFF"),
                "fråga 23 = «Ja, en del av den deltagande personalen»", "question 23 = \"Yes, some of the participating staff\""));
        c.add(new Case(13, "no exemption without students", a -> a.put("19b", "NEJ").put("23", "NEJ"), WITH_PATIENTS,
                UNDECIDED, LevelOutcome.NOT_MET, List.of("Nivå 13: Inte uppfylld."), List.of("Level 13: Not met.")));
        c.add(missing(13, "23"));
        // levels 14 and 15: automatic pass when no medical students were placed (19b = NEJ)
        for (int[] level : new int[][] { { 14 }, { 15 } }) {
            String item = level[0] == 14 ? "24" : "25";
            c.add(met(level[0], item, "«Ja»", "\"Yes\""));
            c.add(notMet(level[0], "no", a -> a.put(item, "NEJ"), "fråga " + item + " = «Nej»",
                    "question " + item + " = \"No\""));
            c.add(new Case(level[0], "no students placed", a -> a.put("19b", "NEJ").put(item, "NEJ"), WITH_PATIENTS,
                    UNDECIDED, LevelOutcome.NOT_APPLICABLE,
                    List.of("Nivå " + level[0] + ": Inte tillämplig, räknas som uppfylld: Inga läkarstuderande",
                            "fråga 19b = «Nej»"),
                    List.of("Level " + level[0] + ": Not applicable, counts as met", "question 19b = \"No\"")));
            c.add(missing(level[0], item));
        }
        // level 18: an example an assessor must approve
        c.add(new Case(18, "approved example", a -> { }, WITH_PATIENTS, APPROVED, LevelOutcome.MET,
                List.of("Nivå 18: Uppfylld: exemplet i fråga 30a har godkänts av en bedömare (\"Konkret åtgärd\").",
                        "fråga 30a = \"Kursutvärderingarna"),
                List.of("Level 18: Met: the example in question 30a was approved by an assessor")));
        c.add(new Case(18, "example awaiting judgement", a -> { }, WITH_PATIENTS, UNDECIDED,
                LevelOutcome.PENDING_REVIEW, List.of("Nivå 18: Väntar på bedömning: exemplet i fråga 30a"),
                List.of("Level 18: Awaiting review")));
        c.add(new Case(18, "rejected example", a -> { }, WITH_PATIENTS, REJECTED, LevelOutcome.NOT_MET,
                List.of("Nivå 18: Inte uppfylld: exemplet i fråga 30a har underkänts"),
                List.of("Level 18: Not met: the example in question 30a was rejected by an assessor")));
        c.add(new Case(18, "blank example", a -> a.put("30a", " \t\u00a0"), WITH_PATIENTS, APPROVED,
                LevelOutcome.NOT_MET, List.of("Nivå 18: Inte uppfylld.", "Inget svar på fråga 30a"),
                List.of("Level 18: Not met.", "No answer to question 30a")));
        c.add(missingWith(18, "30a", APPROVED));
        // level 22: yes and an example, which is not judged
        c.add(new Case(22, "yes with example", a -> { }, WITH_PATIENTS, UNDECIDED, LevelOutcome.MET,
                List.of("Nivå 22: Uppfylld.", "fråga 34 = «Ja»", "fråga 34a = \"Vi följer"),
                List.of("Level 22: Met.", "question 34 = \"Yes\"")));
        c.add(notMet(22, "no", a -> a.put("34", "NEJ"), "fråga 34 = «Nej»", "question 34 = \"No\""));
        c.add(notMet(22, "yes but a blank example", a -> a.put("34a", "   "), "Inget svar på fråga 34a",
                "No answer to question 34a"));
        c.add(missing(22, "34a"));
        // level 23: PROM or PREM with an approved example; automatic pass without direct patient contact
        c.add(new Case(23, "PREM with approved example", a -> a.put("35.1", "NEJ").put("35.2", "JA"), WITH_PATIENTS,
                APPROVED, LevelOutcome.MET, List.of("Nivå 23: Uppfylld: exemplet i fråga 35a har godkänts",
                        "fråga 35.2 = «Ja»"),
                List.of("Level 23: Met: the example in question 35a was approved")));
        c.add(new Case(23, "example awaiting judgement", a -> { }, WITH_PATIENTS, UNDECIDED,
                LevelOutcome.PENDING_REVIEW, List.of("Nivå 23: Väntar på bedömning: exemplet i fråga 35a"),
                List.of("Level 23: Awaiting review: the example in question 35a")));
        c.add(new Case(23, "neither PROM nor PREM", a -> a.put("35.1", "NEJ").put("35.2", "NEJ"), WITH_PATIENTS,
                APPROVED, LevelOutcome.NOT_MET, List.of("Nivå 23: Inte uppfylld.", "fråga 35.1 = «Nej»"),
                List.of("Level 23: Not met.", "question 35.2 = \"No\"")));
        c.add(new Case(23, "no direct patient contact", a -> a.put("35.1", "NEJ").put("35.2", "NEJ"), NO_PATIENTS,
                UNDECIDED, LevelOutcome.NOT_APPLICABLE,
                List.of("Nivå 23: Inte tillämplig, räknas som uppfylld: USVE har inte direkt patientkontakt",
                        "enhetsregistret directPatientContact = false"),
                List.of("Level 23: Not applicable, counts as met", "unit registry directPatientContact = false")));
        c.add(missingWith(23, "35a", APPROVED));
        // level 24: yes, or not relevant without direct patient contact
        c.add(met(24, "36", "«Ja»", "\"Yes\""));
        c.add(notMet(24, "no", a -> a.put("36", "NEJ"), "fråga 36 = «Nej»", "question 36 = \"No\""));
        c.add(new Case(24, "no direct patient contact", a -> a.put("36", "NOT_APPLICABLE_NO_DIRECT_PATIENT_CONTACT"),
                WITH_PATIENTS, UNDECIDED, LevelOutcome.NOT_APPLICABLE,
                List.of("Nivå 24: Inte tillämplig, räknas som uppfylld: Svar på fråga 36",
                        "fråga 36 = «Inte aktuellt, USVE saknar direkt patientkontakt»"),
                List.of("Level 24: Not applicable, counts as met")));
        c.add(missing(24, "36"));
        // level 25: both questions
        c.add(met(25, "37a", "«Ja»", "\"Yes\""));
        c.add(notMet(25, "strategy not known", a -> a.put("37a", "NEJ"), "fråga 37a = «Nej»", "question 37a = \"No\""));
        c.add(missing(25, "37"));
        // level 26: only 2021 counts
        c.add(met(26, "38", "{2018: «Nej», 2019: «Nej», 2020: «Ja», 2021: «Ja»}", "{2018: \"No\", 2019: \"No\", 2020: \"Yes\", 2021: \"Yes\"}"));
        c.add(notMet(26, "no report in 2021", a -> a.putObject("38").put("2018", "JA").put("2021", "NEJ"),
                "fråga 38 = {2018: «Ja», 2021: «Nej»}", "Rule: Answered Yes for 2021."));
        c.add(new Case(26, "2021 left out", a -> a.putObject("38").put("2020", "JA"), WITH_PATIENTS, UNDECIDED,
                LevelOutcome.NOT_MET, List.of("Nivå 26: Inte uppfylld.", "fråga 38 = {2020: «Ja»}"),
                List.of("Level 26: Not met.")));
        c.add(missing(26, "38"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachLevelDecidesAndExplains(Case c) {
        ObjectNode answers = AlfUsveAnswers.allMet();
        c.change().accept(answers);
        assertThat(AlfUsveAnswers.problems(answers)).as("answers fit the shipped questionnaire").isEmpty();

        LevelResult result = level(EVALUATOR.evaluate(RULES, answers, c.unit(), c.reviews()), c.level());

        assertThat(result.outcome()).isEqualTo(c.outcome());
        JsonNode explanation = result.explanation();
        assertThat(explanation.path("sv").asText()).startsWith("Nivå " + c.level() + ": ").contains(c.sv());
        assertThat(explanation.path("en").asText()).startsWith("Level " + c.level() + ": ").contains(c.en());
        assertThat(explanation.path("rule").asText()).isEqualTo(RULES.level(c.level()).rule().ruleSv());
        assertThat(explanation.path("ruleSetVersion").asText()).isEqualTo("2021.1");
        List<String> named = new ArrayList<>();
        explanation.path("items").forEach(i -> named.add(i.path("id").asText()));
        assertThat(named).containsAll(RULES.level(c.level()).rule().items());
        explanation.path("items").forEach(i -> {
            JsonNode given = answers.get(i.path("id").asText());
            if (!i.path("answer").isNull() && given != null) {
                assertThat(i.path("answer")).as("answer of " + i.path("id")).isEqualTo(given);
            }
        });
    }

    @Test
    void everyLevelIsCoveredByMetNotMetAndMissingCases() {
        Map<Integer, List<LevelOutcome>> outcomes = new java.util.HashMap<>();
        cases().forEach(c -> outcomes.computeIfAbsent(c.level(), k -> new ArrayList<>()).add(c.outcome()));
        assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 27).boxed().toList());
        outcomes.forEach((level, list) -> assertThat(list).as("level " + level)
                .contains(LevelOutcome.MET, LevelOutcome.NOT_MET));
        for (int level : new int[] { 14, 15, 23, 24 }) {
            assertThat(outcomes.get(level)).as("level " + level).contains(LevelOutcome.NOT_APPLICABLE);
        }
        assertThat(cases().filter(c -> c.name().startsWith("missing")).map(Case::level).distinct().count())
                .isEqualTo(27);
    }

    @Test
    void allMetAnswersWithApprovedExamplesMeetAll27Levels() {
        List<LevelResult> results = EVALUATOR.evaluate(RULES, AlfUsveAnswers.allMet(), WITH_PATIENTS, APPROVED);
        assertThat(results).hasSize(27).allMatch(r -> r.outcome() == LevelOutcome.MET);
    }

    @Test
    void anEmptySubmissionFailsEveryLevelWithoutErrorsAndSaysWhatIsMissing() {
        ObjectNode empty = AlfUsveAnswers.allMet().removeAll();
        List<LevelResult> results = EVALUATOR.evaluate(RULES, empty, new UnitFacts(null, null), UNDECIDED);
        assertThat(results).hasSize(27).allMatch(r -> r.outcome() == LevelOutcome.NOT_MET);
        assertThat(results).allMatch(r -> r.explanation().path("error").isMissingNode());
        assertThat(level(results, 15).explanation().path("sv").asText()).contains("Inget svar på fråga 25");
    }

    @Test
    void explanationsNameTheChosenOptionsByTheirLabelsAndKeepTheCodes() {
        ObjectNode answers = AlfUsveAnswers.allMet().put("36", "NOT_APPLICABLE_NO_DIRECT_PATIENT_CONTACT");
        com.fasterxml.jackson.databind.JsonNode item = level(EVALUATOR.evaluate(RULES, answers, WITH_PATIENTS,
                APPROVED), 24).explanation().path("items").get(0);
        assertThat(item.path("answer").asText()).isEqualTo("NOT_APPLICABLE_NO_DIRECT_PATIENT_CONTACT");
        assertThat(item.path("labelSv").asText()).isEqualTo("Inte aktuellt, USVE saknar direkt patientkontakt");
        assertThat(item.path("labelEn").asText()).isEqualTo("Not relevant, the USVE has no direct patient contact");
    }

    @Test
    void answersContradictingTheRegistryOnPatientContactAreFlaggedWithoutChangingTheOutcome() {
        ObjectNode answers = AlfUsveAnswers.allMet().put("36", "NOT_APPLICABLE_NO_DIRECT_PATIENT_CONTACT");
        LevelResult flagged = level(EVALUATOR.evaluate(RULES, answers, WITH_PATIENTS, APPROVED), 23);
        assertThat(flagged.outcome()).isEqualTo(LevelOutcome.MET);
        assertThat(flagged.explanation().path("flags").get(0).path("code").asText())
                .isEqualTo("PATIENT_CONTACT_CONTRADICTION");
        assertThat(flagged.explanation().path("sv").asText()).contains("Observera: svaren om direkt patientkontakt");
        assertThat(flagged.explanation().path("en").asText()).contains("Note: the answers on direct patient contact");

        ObjectNode saysYes = AlfUsveAnswers.allMet().put("directPatientContact", "JA");
        LevelResult registryNo = level(EVALUATOR.evaluate(RULES, saysYes, NO_PATIENTS, APPROVED), 23);
        assertThat(registryNo.outcome()).isEqualTo(LevelOutcome.NOT_APPLICABLE);
        assertThat(registryNo.explanation().path("flags")).hasSize(1);

        for (UnitFacts unit : List.of(WITH_PATIENTS, new UnitFacts(null, null))) {
            assertThat(level(EVALUATOR.evaluate(RULES, AlfUsveAnswers.allMet(), unit, APPROVED), 23).explanation()
                    .path("flags").isMissingNode()).isTrue();
        }
    }

    @Test
    void reviewRequestsCarryTheExampleTextAndTheCriteria() {
        List<ReviewRequest> requests = new ArrayList<>();
        EVALUATOR.evaluate(RULES, AlfUsveAnswers.allMet(), WITH_PATIENTS, r -> {
            requests.add(r);
            return Optional.empty();
        });
        assertThat(requests).extracting(ReviewRequest::level).containsExactly(18, 23);
        assertThat(requests.get(0).itemId()).isEqualTo("30a");
        assertThat(requests.get(0).text()).startsWith("Kursutvärderingarna");
        assertThat(requests.get(0).review().criteriaSv()).startsWith("Godkänn om exemplet");
    }

    @Test
    void aRuleSetWithAnExpressionThatIsNotBoolIsRejectedAtLoading() {
        String json = """
                {"version": "x", "questionnaire": {"key": "alf-usve", "version": "2021"},
                 "levels": [{"number": 1, "area": "GENERAL", "items": ["3"], "met": "answers['3']"},
                            {"number": 2, "area": "GENERAL", "items": ["4a"], "met": "answers['4a'] =="}]}""";
        assertThatThrownBy(() -> RuleSetCompiler.compile(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "broken"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("level 1 met")
                .hasMessageContaining("level 2 met does not compile");
    }

    private static LevelResult level(List<LevelResult> results, int number) {
        return results.stream().filter(r -> r.number() == number).findFirst().orElseThrow();
    }

    /** @param shownSv and {@code shownEn}: the answer as the explanation shows it, by the option labels */
    private static Case met(int level, String item, String shownSv, String shownEn) {
        return new Case(level, "as answered in the all-met set", a -> { }, WITH_PATIENTS, UNDECIDED,
                LevelOutcome.MET, List.of("Nivå " + level + ": Uppfylld.", "fråga " + item + " = " + shownSv,
                        "Regel: "),
                List.of("Level " + level + ": Met.", "question " + item + " = " + shownEn, "Rule: "));
    }

    private static Case notMet(int level, String name, Consumer<ObjectNode> change, String sv, String en) {
        return new Case(level, name, change, WITH_PATIENTS, UNDECIDED, LevelOutcome.NOT_MET,
                List.of("Nivå " + level + ": Inte uppfylld.", sv), List.of("Level " + level + ": Not met.", en));
    }

    private static Case missing(int level, String item) {
        return missingWith(level, item, UNDECIDED);
    }

    private static Case missingWith(int level, String item,
            Function<ReviewRequest, Optional<ReviewDecision>> reviews) {
        return new Case(level, "missing answer to " + item, a -> a.remove(item), WITH_PATIENTS, reviews,
                LevelOutcome.NOT_MET,
                List.of("Nivå " + level + ": Inte uppfylld.", "Inget svar på fråga " + item),
                List.of("Level " + level + ": Not met.", "No answer to question " + item));
    }
}
