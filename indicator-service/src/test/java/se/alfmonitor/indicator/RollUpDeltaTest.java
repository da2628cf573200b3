package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.AssessmentCompleted.Level;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.indicator.indicators.AssessmentIndicators;
import se.alfmonitor.indicator.rollup.RollUps;
import se.alfmonitor.testing.Tokens;

/**
 * The region values the roll-up worker keeps from the deltas of their units' values must be the sums of the units'
 * latest values, whatever happened to the units in between, and a full rebuild from scratch must find them so and
 * leave no delta to be applied twice. The expected sums are computed here from what the units are now.
 */
@QuarkusTest
class RollUpDeltaTest {

    private static final Set<String> ALF_REGIONS = Set.of("01", "03", "05", "12", "14", "18", "24");

    @Inject
    EntityManager entityManager;

    @Inject
    AssessmentIndicators assessments;

    @Inject
    RollUps rollUps;

    /** A unit's latest assessment of level 5 (ALF-01.5). */
    private record Assessed(String region, int version, LevelOutcome outcome) {
    }

    @Test
    void levelSharesKeptFromDeltasAreTheSumsOfTheUnitsThroughChangesMovesAndARebuild() {
        String campaign = "delta-" + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        Map<String, Assessed> units = new TreeMap<>();
        Set<String> regions = new TreeSet<>();

        // new units in one batch, sent back to back: regions without any value yet start from zero
        assess(campaign, units, regions, "u0", "01", LevelOutcome.MET);
        assess(campaign, units, regions, "u1", "01", LevelOutcome.NOT_MET);
        assess(campaign, units, regions, "u2", "12", LevelOutcome.MET);
        assess(campaign, units, regions, "u3", "12", LevelOutcome.PENDING_REVIEW);
        assess(campaign, units, regions, "u4", "04", LevelOutcome.MET);
        assess(campaign, units, regions, "u5", "04", LevelOutcome.NOT_APPLICABLE);
        awaitLevelShares(period, campaign, units, regions);

        // then one event at a time, each summed before the next
        assess(campaign, units, regions, "u1", "01", LevelOutcome.MET);
        awaitLevelShares(period, campaign, units, regions);
        assess(campaign, units, regions, "u2", "12", LevelOutcome.PENDING_REVIEW);
        awaitLevelShares(period, campaign, units, regions);
        assess(campaign, units, regions, "u2", "12", LevelOutcome.MET);
        awaitLevelShares(period, campaign, units, regions);
        // moves: the region left loses what the unit counted there, the one joined gains what it counts now (each
        // with a new value: a unit value that does not change keeps its stored row, and the row its region)
        assess(campaign, units, regions, "u4", "12", LevelOutcome.NOT_MET);
        awaitLevelShares(period, campaign, units, regions);
        // the last unit of 04 leaves it: 04 is then a sum over no unit, not its last sum kept
        assess(campaign, units, regions, "u5", "01", LevelOutcome.NOT_MET);
        awaitLevelShares(period, campaign, units, regions);

        // several changes at once, two of them of one region
        assess(campaign, units, regions, "u6", "04", LevelOutcome.MET);
        assess(campaign, units, regions, "u7", "14", LevelOutcome.NOT_MET);
        assess(campaign, units, regions, "u0", "01", LevelOutcome.NOT_MET);
        assess(campaign, units, regions, "u3", "14", LevelOutcome.MET);
        assess(campaign, units, regions, "u1", "12", LevelOutcome.PENDING_REVIEW);
        awaitLevelShares(period, campaign, units, regions);

        // a full rebuild from scratch finds every value as the deltas left it
        Map<String, Object> kept = RollUpTest.latest(period);
        given().auth().oauth2(Tokens.admin()).post("/api/recompute").then().statusCode(200);
        assertThat(RollUpTest.latest(period)).isEqualTo(kept);

        // and the deltas after it start from its sums
        assess(campaign, units, regions, "u6", "04", LevelOutcome.NOT_MET);
        assess(campaign, units, regions, "u8", "04", LevelOutcome.MET);
        assess(campaign, units, regions, "u7", "01", LevelOutcome.MET);
        awaitLevelShares(period, campaign, units, regions);

        // a new version that changes no value adds no history row above the unit either
        Map<String, Object> before = RollUpTest.latest(period);
        Assessed u8 = units.get("u8");
        Events.assessment(campaign, campaign + "-u8", u8.region(), u8.version() + 1, false, 0, level5(u8.outcome()));
        units.put("u8", new Assessed(u8.region(), u8.version() + 1, u8.outcome()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(assessmentVersion(campaign + "-u8"))
                .isEqualTo(u8.version() + 1));
        awaitSettled(period);
        assertThat(RollUpTest.latest(period)).isEqualTo(before);
    }

    @Test
    void sumsFromScratchInTheTransactionOfUnappliedDeltasLeaveNoneToApplyAgain() {
        String campaign = "rebuild-" + UUID.randomUUID().toString().substring(0, 8);
        String period = campaign.substring(campaign.indexOf('-') + 1);
        Map<String, Assessed> units = new TreeMap<>();
        Set<String> regions = new TreeSet<>();
        assess(campaign, units, regions, "a", "03", LevelOutcome.MET);
        assess(campaign, units, regions, "b", "03", LevelOutcome.NOT_MET);
        assess(campaign, units, regions, "c", "21", LevelOutcome.MET);
        awaitLevelShares(period, campaign, units, regions);

        // unit values change (a new unit, a change, a move) and, before the worker can apply their deltas, the sums
        // a full recompute ends with sum the regions from their units in the same transaction
        List<AssessmentCompleted> changes = new ArrayList<>();
        changes.add(change(campaign, units, regions, "d", "03", LevelOutcome.MET));
        changes.add(change(campaign, units, regions, "b", "03", LevelOutcome.MET));
        changes.add(change(campaign, units, regions, "c", "03", LevelOutcome.NOT_MET));
        long deltasLeft = QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            assessments.onAssessments(changes);
            assertThat(deltas(period)).as("deltas of the changes").isPositive();
            rollUps.processAll();
            return deltas(period);
        });
        assertThat(deltasLeft).isZero();
        awaitLevelShares(period, campaign, units, regions);

        // later deltas apply on top of the rebuilt sums, once
        assess(campaign, units, regions, "a", "21", LevelOutcome.NOT_MET);
        awaitLevelShares(period, campaign, units, regions);
        Map<String, Object> kept = RollUpTest.latest(period);
        given().auth().oauth2(Tokens.admin()).post("/api/recompute").then().statusCode(200);
        assertThat(RollUpTest.latest(period)).isEqualTo(kept);
    }

    @Test
    void countsKeptFromDeltasAreTheSumsOfTheCoveredUnits() {
        int year = Events.uniqueYear();
        Seminars units = new Seminars("alf-" + (year - 3) + "-" + year, year,
                "QX-" + UUID.randomUUID().toString().substring(0, 8) + "-");

        units.submit("a", "12", 2);
        units.submit("b", "12", 3);
        units.submit("c", "04", null);
        units.submit("d", "01", 1);
        awaitSeminars(units);

        units.submit("a", "12", 5);
        units.submit("c", "04", 4);
        units.submit("b", "01", 6);
        units.submit("d", "01", null);
        awaitSeminars(units);
        units.submit("d", "01", 2);
        awaitSeminars(units);

        Map<String, Object> kept = RollUpTest.latest(units.period());
        given().auth().oauth2(Tokens.admin()).post("/api/recompute").then().statusCode(200);
        assertThat(RollUpTest.latest(units.period())).isEqualTo(kept);

        // the last unit of 04 leaves it
        units.submit("c", "12", 1);
        awaitSeminars(units);
    }

    /**
     * One event marks two periods (each unit answers for two years): the worker sums both in one round, and each
     * period's sums are those of its own year's answers, as a full recompute gives them.
     */
    @Test
    void oneRoundSumsEachPeriodItsEventsMarkedApart() {
        int year = Events.uniqueYear();
        String campaign = "alf-" + (year - 2) + "-" + (year + 1);
        String prefix = "QY-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Seminars first = new Seminars(campaign, year, prefix);
        Seminars second = new Seminars(campaign, year + 1, prefix);
        Object[][] answers = { { "a", "12", 2, 7 }, { "b", "12", 3, null }, { "c", "04", null, 1 },
                { "d", "01", 4, 5 }, { "e", "24", 6, 0 } };
        for (Object[] unit : answers) {
            first.record((String) unit[0], (String) unit[1], (Integer) unit[2]);
            second.record((String) unit[0], (String) unit[1], (Integer) unit[3]);
            Events.submission(campaign, "alf-usve", prefix + unit[0], (String) unit[1], Events.json(
                    "{\"halftimeSeminars\": {\"%d\": %s, \"%d\": %s}}".formatted(year, unit[2], year + 1, unit[3])));
        }
        awaitSeminars(first);
        awaitSeminars(second);

        Map<String, Object> keptFirst = RollUpTest.latest(first.period());
        Map<String, Object> keptSecond = RollUpTest.latest(second.period());
        given().auth().oauth2(Tokens.admin()).post("/api/recompute").then().statusCode(200);
        assertThat(RollUpTest.latest(first.period())).isEqualTo(keptFirst);
        assertThat(RollUpTest.latest(second.period())).isEqualTo(keptSecond);
    }

    private void assess(String campaign, Map<String, Assessed> units, Set<String> regions, String unit,
            String regionCode, LevelOutcome outcome) {
        AssessmentCompleted event = change(campaign, units, regions, unit, regionCode, outcome);
        Events.assessment(campaign, event.unitId(), regionCode, event.version(), false, event.pendingReviews(),
                event.levels());
    }

    /** The next version of a unit's assessment, recorded in the expected state. */
    private static AssessmentCompleted change(String campaign, Map<String, Assessed> units, Set<String> regions,
            String unit, String regionCode, LevelOutcome outcome) {
        int version = units.containsKey(unit) ? units.get(unit).version() + 1 : 1;
        units.put(unit, new Assessed(regionCode, version, outcome));
        regions.add(regionCode);
        return new AssessmentCompleted(campaign + "-" + unit, regionCode, campaign, UUID.randomUUID(), 1, version,
                "test", Instant.now(), 20, false, outcome == LevelOutcome.PENDING_REVIEW ? 1 : 0, level5(outcome));
    }

    /**
     * Waits until ALF-01.5 of every region ever used, ALF and the nation is the sum of the units there now: every
     * unit has a share (a pending one with 0 of 0), fulfilling if met or not applicable, and counts as pending.
     */
    private void awaitLevelShares(String period, String campaign, Map<String, Assessed> units,
            Set<String> regions) {
        Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
        for (String code : regions) {
            expected.put(code, shares(units, a -> a.region().equals(code)));
        }
        expected.put("ALF", shares(units, a -> ALF_REGIONS.contains(a.region())));
        expected.put("SE", shares(units, a -> true));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(deltas(period) + marks(period)).as("work left to the roll-up worker").isZero();
            Map<String, Map<String, Object>> actual = new LinkedHashMap<>();
            for (String orgUnit : expected.keySet()) {
                actual.put(orgUnit, parts(value("ALF-01.5", orgUnit, period)));
            }
            assertThat(actual).as("ALF-01.5 of %s", campaign).isEqualTo(expected);
        });
    }

    private static Map<String, Object> shares(Map<String, Assessed> units,
            java.util.function.Predicate<Assessed> in) {
        List<Assessed> members = units.values().stream().filter(in).toList();
        int met = (int) members.stream().filter(a -> a.outcome() == LevelOutcome.MET
                || a.outcome() == LevelOutcome.NOT_APPLICABLE).count();
        int decided = (int) members.stream().filter(a -> a.outcome() != LevelOutcome.PENDING_REVIEW).count();
        int pending = members.size() - decided;
        Map<String, Object> counts = members.isEmpty() ? null : Map.of("units", members.size(), "pendingUnits", pending);
        return expectedParts(members.size(), members.size(), met, decided, counts);
    }

    /**
     * Units answering half-time seminars (ALF-09, a count) of one year: where each is now, what it answered (null:
     * "no data", not covered) and every region used.
     */
    private record Seminars(String campaign, int year, String prefix, Map<String, String> region,
            Map<String, Integer> count, Set<String> regions) {

        Seminars(String campaign, int year, String prefix) {
            this(campaign, year, prefix, new TreeMap<>(), new TreeMap<>(), new TreeSet<>());
        }

        String period() {
            return String.valueOf(year);
        }

        void submit(String unit, String regionCode, Integer seminars) {
            record(unit, regionCode, seminars);
            Events.submission(campaign, "alf-usve", prefix + unit, regionCode,
                    Events.json("{\"halftimeSeminars\": {\"%d\": %s}}".formatted(year, seminars)));
        }

        /** What a unit answers now, sent by the caller. */
        void record(String unit, String regionCode, Integer seminars) {
            region.put(unit, regionCode);
            count.put(unit, seminars);
            regions.add(regionCode);
        }

        Map<String, Object> sums(java.util.function.Predicate<String> in) {
            int members = 0;
            int covered = 0;
            int sum = 0;
            for (Map.Entry<String, Integer> unit : count.entrySet()) {
                if (in.test(region.get(unit.getKey()))) {
                    members++;
                    if (unit.getValue() != null) {
                        covered++;
                        sum += unit.getValue();
                    }
                }
            }
            return expectedParts(members, covered, sum, null, null);
        }
    }

    /** Waits until ALF-09 of every region used, ALF and the nation is the sum over the covered units there now. */
    private void awaitSeminars(Seminars units) {
        Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
        for (String code : units.regions()) {
            expected.put(code, units.sums(code::equals));
        }
        expected.put("ALF", units.sums(ALF_REGIONS::contains));
        expected.put("SE", units.sums(r -> true));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            // each unit's latest answer is in
            for (Map.Entry<String, Integer> unit : units.count().entrySet()) {
                assertThat(value("ALF-09", units.prefix() + unit.getKey(), units.period()).get("numerator"))
                        .isEqualTo(unit.getValue() == null ? 0 : unit.getValue());
            }
            assertThat(deltas(units.period()) + marks(units.period())).as("work left to the roll-up worker")
                    .isZero();
            Map<String, Map<String, Object>> actual = new LinkedHashMap<>();
            for (String orgUnit : expected.keySet()) {
                actual.put(orgUnit, parts(value("ALF-09", orgUnit, units.period())));
            }
            assertThat(actual).isEqualTo(expected);
        });
    }

    private static Map<String, Object> expectedParts(int members, int covered, int numerator, Integer denominator,
            Map<String, Object> counts) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("members", members);
        parts.put("membersCovered", covered);
        parts.put("numerator", numerator);
        parts.put("denominator", denominator);
        parts.put("counts", counts);
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parts(Map<String, Object> value) {
        Map<String, Object> inputs = (Map<String, Object>) value.get("inputs");
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("members", inputs.get("members"));
        parts.put("membersCovered", inputs.get("membersCovered"));
        parts.put("numerator", value.get("numerator"));
        parts.put("denominator", value.get("denominator"));
        parts.put("counts", inputs.get("counts"));
        return parts;
    }

    /** Waits until the roll-up worker has nothing left to do for the period. */
    private void awaitSettled(String period) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deltas(period) + marks(period)).isZero());
    }

    private long deltas(String period) {
        return count("select count(*) from rollup_delta where period = ?1", period);
    }

    private long marks(String period) {
        return count("select count(*) from rollup_pending where period = ?1", period);
    }

    private int assessmentVersion(String unitId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select coalesce(max(assessment_version), 0) from unit_assessment where unit_id = ?1")
                .setParameter(1, unitId).getSingleResult()).intValue());
    }

    private long count(String sql, String period) {
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, period).getSingleResult()).longValue());
    }


    private static Map<String, Object> value(String indicator, String orgUnit, String period) {
        return given().auth().oauth2(Tokens.monitor())
                .get("/api/values/" + indicator + "/" + orgUnit + "/" + period).then().statusCode(200).extract()
                .jsonPath().getMap("");
    }

    private static List<Level> level5(LevelOutcome outcome) {
        return List.of(new Level(5, "RESEARCH", outcome, null));
    }
}
