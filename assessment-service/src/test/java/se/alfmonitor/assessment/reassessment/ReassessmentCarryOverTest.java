package se.alfmonitor.assessment.reassessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.alfmonitor.assessment.AlfUsveAnswers;
import se.alfmonitor.assessment.Submissions;
import se.alfmonitor.assessment.assessment.AssessmentEntity;
import se.alfmonitor.assessment.assessment.AssessmentService;
import se.alfmonitor.assessment.override.SiteVisitOverrideEntity;
import se.alfmonitor.assessment.override.SiteVisitOverrides;
import se.alfmonitor.assessment.remediation.RemediationItemEntity;
import se.alfmonitor.assessment.remediation.RemediationService;
import se.alfmonitor.assessment.review.ReviewItemEntity;
import se.alfmonitor.assessment.review.ReviewService;
import se.alfmonitor.assessment.review.ReviewStatus;
import se.alfmonitor.assessment.rules.CelLevelEvaluator;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.LevelResult;
import se.alfmonitor.assessment.rules.CelLevelEvaluator.UnitFacts;
import se.alfmonitor.assessment.rules.CompiledRuleSet;
import se.alfmonitor.assessment.rules.RuleSets;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.testing.TopicProbe;

/**
 * Publishing a rule set carries the stored result of every unchanged level over instead of evaluating it; the
 * outcome must be exactly what evaluating every level gives, for every kind of answer, assessor decision and
 * override.
 */
@QuarkusTest
class ReassessmentCarryOverTest {

    private static final String SHIPPED = "2021.1";
    private static final String STRICT = "2021.1-test-strict";
    /** Numbers equal by value: jsonb reads back a long as an int. */
    private static final Comparator<JsonNode> SAME_NUMBER = (x, y) -> {
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue());
        }
        return x.equals(y) ? 0 : 1;
    };

    @Inject
    AssessmentService assessments;
    @Inject
    ReassessmentService reassessment;
    @Inject
    RuleSets ruleSets;
    @Inject
    CelLevelEvaluator evaluator;
    @Inject
    ReviewService reviews;
    @Inject
    SiteVisitOverrides overrides;
    @Inject
    CarriedLevels carried;
    @Inject
    ObjectMapper json;

    @Test
    void onlyTheLevelsWhoseRuleDiffersCountAsChanged() {
        CompiledRuleSet shipped = ruleSets.find(SHIPPED).orElseThrow();
        CompiledRuleSet strict = ruleSets.find(STRICT).orElseThrow();
        Set<Integer> all = IntStream.rangeClosed(1, 27).boxed().collect(Collectors.toSet());
        assertThat(shipped.levelsUnchangedSince(shipped)).isEqualTo(all);
        // the test rule set asks for six articles (level 8) and drops level 23's flag
        assertThat(strict.levelsUnchangedSince(shipped))
                .isEqualTo(all.stream().filter(n -> n != 8 && n != 23).collect(Collectors.toSet()));
        assertThat(shipped.levelsUnchangedSince(strict)).isEqualTo(strict.levelsUnchangedSince(shipped));
    }

    @Test
    void carriedOverLevelsAreExactlyWhatEvaluatingEveryLevelGives() throws Exception {
        Map<String, ObjectNode> answers = new LinkedHashMap<>();
        // five articles: met under the shipped rule set, not under the strict one
        answers.put("five-articles", AlfUsveAnswers.allMet());
        ObjectNode six = AlfUsveAnswers.allMet();
        six.putObject("15").put("2018", 2).put("2019", 2).put("2020", 1).put("2021", 1);
        answers.put("six-articles", six);
        ObjectNode notMet = AlfUsveAnswers.allMet();
        notMet.putObject("15").put("2018", 1).put("2019", 1);
        notMet.put("24", "NEJ");
        notMet.put("36", "NEJ");
        answers.put("not-met", notMet);
        ObjectNode notApplicable = AlfUsveAnswers.allMet();
        notApplicable.put("19b", "NEJ");
        answers.put("not-applicable", notApplicable);
        ObjectNode missing = AlfUsveAnswers.allMet();
        missing.remove(List.of("15", "24", "31"));
        missing.put("30a", "   ");
        answers.put("missing", missing);
        ObjectNode unreadable = AlfUsveAnswers.allMet();
        unreadable.put("15", "many");
        answers.put("unreadable", unreadable);
        ObjectNode contradiction = AlfUsveAnswers.allMet();
        contradiction.put("36", "NEJ");
        answers.put("contradiction", contradiction);
        answers.put("review-approved", AlfUsveAnswers.allMet());
        answers.put("review-rejected", AlfUsveAnswers.allMet());
        answers.put("override", AlfUsveAnswers.allMet());
        answers.put("override-since", notMet.deepCopy());

        Map<String, String> units = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectNode> variant : answers.entrySet()) {
            String unitId = Submissions.unitId("18");
            units.put(variant.getKey(), unitId);
            boolean contact = !variant.getKey().equals("contradiction");
            QuarkusTransaction.requiringNew().run(() -> assertThat(assessments.assess(
                    submission(unitId, variant.getValue(), contact))).isPresent());
        }
        // decisions and an override the stored assessments already reflect, and some made since that they do not
        decide(units.get("review-approved"), 18, ReviewStatus.APPROVED, "Tydligt exempel.");
        decide(units.get("review-rejected"), 23, ReviewStatus.REJECTED, null);
        overrides.create(new SiteVisitOverrides.OverrideRequest(units.get("override"), Submissions.CAMPAIGN, 3,
                "NOT_MET", "Ingen handledare på plats vid besöket.", LocalDate.now().minusDays(3).toString()),
                "monitor");
        QuarkusTransaction.requiringNew().run(() -> {
            overrideSince(units.get("override-since"), 24, "MET");
            overrideSince(units.get("override-since"), 5, "NOT_MET");
        });

        try {
            Map<String, JsonNode> expected = evaluatedFully(units, STRICT);
            reassessment.publish(STRICT, "test");
            assertSameAsEvaluatedFully(units, expected, STRICT);
            assertThat(latest(units.get("five-articles")).levels.get(7).outcome().name()).isEqualTo("NOT_MET");
            // level 18's example awaits a decision as before: carried over; decided since: evaluated again
            assertThat(latest(units.get("five-articles")).levels.get(17).outcome().name())
                    .isEqualTo("PENDING_REVIEW");
            assertThat(CarriedLevels.carriedFrom(latest(units.get("five-articles")).storedLevels.get(17)))
                    .isNotNull();
            assertThat(CarriedLevels.carriedFrom(latest(units.get("review-approved")).storedLevels.get(17))).isNull();

            try (TopicProbe probe = TopicProbe.from("alf.assessments.v1")) {
                String unitId = units.get("override");
                ConsumerRecord<String, String> event = probe.await(r -> unitId.equals(r.key())
                        && STRICT.equals(Submissions.data(r).path("ruleSetVersion").asText()), 1,
                        Duration.ofSeconds(20)).get(0);
                JsonNode row = json.valueToTree(AssessmentService.toEvent(latest(unitId)));
                assertThat(Submissions.data(event).equals(SAME_NUMBER, row)).as("event data as the row").isTrue();
            }
        } finally {
            // back to the shipped rule set, which carries the strict rule set's levels over in turn; some of the
            // versions as written before there was a level summary, which is then read from their levels
            QuarkusTransaction.requiringNew().run(() -> AssessmentEntity.getEntityManager().createNativeQuery(
                    "update assessment set level_summary = null where latest and unit_id in (:units)")
                    .setParameter("units", List.of(units.get("override"), units.get("not-met"),
                            units.get("review-approved"), units.get("missing")))
                    .executeUpdate());
            Map<String, JsonNode> expected = evaluatedFully(units, SHIPPED);
            reassessment.publish(SHIPPED, "test");
            assertSameAsEvaluatedFully(units, expected, SHIPPED);
        }
    }

    private void assertSameAsEvaluatedFully(Map<String, String> units, Map<String, JsonNode> expected,
            String version) {
        for (Map.Entry<String, String> unit : units.entrySet()) {
            AssessmentEntity latest = latest(unit.getValue());
            assertThat(latest.ruleSetVersion).as(unit.getKey()).isEqualTo(version);
            JsonNode actual = json.valueToTree(latest.levels);
            assertThat(actual.equals(SAME_NUMBER, expected.get(unit.getKey())))
                    .as("%s under %s: %s%nexpected %s", unit.getKey(), version, actual, expected.get(unit.getKey()))
                    .isTrue();
            List<AssessmentCompleted.Level> levels = latest.levels;
            assertThat(latest.metCount).isEqualTo((int) levels.stream().filter(l -> l.outcome().fulfilled()).count());
            assertThat(latest.levelSummary).as("%s level summary", unit.getKey())
                    .isEqualTo(LevelSummary.of(latest.storedLevels));
            // the levels carried over are stored as stubs naming a row that holds them whole
            assertThat(latest.storedLevels).as("%s stored levels", unit.getKey())
                    .anyMatch(l -> CarriedLevels.carriedFrom(l) != null);
            // open remediation items: exactly the unmet levels, with their outcomes, whichever levels were synced
            Map<Integer, String> unmet = new TreeMap<>();
            expected.get(unit.getKey()).forEach(level -> {
                if (!LevelOutcome.valueOf(level.path("outcome").asText()).fulfilled()) {
                    unmet.put(level.path("number").asInt(), level.path("outcome").asText());
                }
            });
            assertThat(openItems(unit.getValue())).as("%s open remediation items under %s", unit.getKey(), version)
                    .isEqualTo(unmet);
        }
    }

    private static Map<Integer, String> openItems(String unitId) {
        return QuarkusTransaction.requiringNew().call(() -> RemediationItemEntity.<RemediationItemEntity>list(
                "unitId = ?1 and campaignId = ?2 and status = ?3", unitId, Submissions.CAMPAIGN,
                RemediationService.OPEN).stream()
                .collect(Collectors.toMap(r -> r.level, r -> r.outcome, (x, y) -> x, TreeMap::new)));
    }

    /** Every level of each unit's latest assessment evaluated under {@code version}, in a transaction rolled back. */
    private Map<String, JsonNode> evaluatedFully(Map<String, String> units, String version) {
        CompiledRuleSet ruleSet = ruleSets.find(version).orElseThrow();
        Map<String, JsonNode> levels = new LinkedHashMap<>();
        // rolled back: an evaluation may open review items, which the publication is then to open itself
        QuarkusTransaction.begin();
        try {
            for (Map.Entry<String, String> unit : units.entrySet()) {
                AssessmentEntity latest = AssessmentEntity.<AssessmentEntity>find(
                        "unitId = ?1 and campaignId = ?2 and latest", unit.getValue(), Submissions.CAMPAIGN)
                        .firstResult();
                List<LevelResult> results = SiteVisitOverrides.apply(latest.unitId, latest.campaignId,
                        evaluator.evaluate(ruleSet, latest.answers,
                                new UnitFacts(latest.directPatientContact, latest.designatedYear),
                                reviews.decisionsFor(latest, ruleSet)));
                List<AssessmentCompleted.Level> asEvent = results.stream()
                        .map(r -> new AssessmentCompleted.Level(r.number(), r.area(), r.outcome(), r.explanation()))
                        .toList();
                // through JSON text, as the row holds it
                levels.put(unit.getKey(), json.readTree(json.writeValueAsString(asEvent)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } finally {
            QuarkusTransaction.rollback();
        }
        return levels;
    }

    private AssessmentEntity latest(String unitId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AssessmentEntity latest = AssessmentEntity.<AssessmentEntity>find(
                    "unitId = ?1 and campaignId = ?2 and latest", unitId, Submissions.CAMPAIGN).firstResult();
            carried.compose(List.of(latest));
            return latest;
        });
    }

    /** An assessor's decision recorded without a new assessment version, as if made while the rules changed. */
    private static void decide(String unitId, int level, ReviewStatus status, String comment) {
        QuarkusTransaction.requiringNew().run(() -> {
            ReviewItemEntity item = ReviewItemEntity.<ReviewItemEntity>find("unitId = ?1 and level = ?2", unitId,
                    level).singleResult();
            item.status = status;
            item.comment = comment;
            item.decidedBy = "assessor";
            item.decidedAt = Instant.now();
        });
    }

    private static void overrideSince(String unitId, int level, String outcome) {
        SiteVisitOverrideEntity entity = new SiteVisitOverrideEntity();
        entity.id = UUID.randomUUID();
        entity.unitId = unitId;
        entity.regionCode = "18";
        entity.campaignId = Submissions.CAMPAIGN;
        entity.level = level;
        entity.outcome = outcome;
        entity.reason = "Platsbesök nivå " + level;
        entity.decidedBy = "monitor";
        entity.decidedAt = Instant.now();
        entity.persist();
    }

    private static SubmissionSubmitted submission(String unitId, ObjectNode answers, boolean directPatientContact) {
        return new SubmissionSubmitted(UUID.randomUUID(), 1, Submissions.CAMPAIGN,
                new SubmissionSubmitted.QuestionnaireRef("alf-usve", "2021"),
                new SubmissionSubmitted.UnitRef(unitId, "18", directPatientContact, 2016), answers, Instant.now(),
                "test");
    }
}
