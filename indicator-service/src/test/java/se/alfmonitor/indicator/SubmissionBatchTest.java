package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
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
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Inbox;
import se.alfmonitor.indicator.indicators.SubmissionIndicators;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

/**
 * Submissions consumed a poll at a time must end with the values the same submissions give one at a time: unit
 * questionnaires (two revisions of one unit's submission and a stale redelivery among them) and regional research
 * statistics sharing a study. An unreadable record among them is parked alone. The same submissions are processed
 * three times, each in a year and with unit ids of its own: one event per transaction, as one batch, and through
 * the broker sent back to back; a rebuild from what is stored must find the same values again.
 */
@QuarkusTest
class SubmissionBatchTest {

    @Inject
    Inbox inbox;

    @Inject
    SubmissionIndicators indicators;

    @Inject
    EntityManager entityManager;

    /** The submissions of one run: its year, its unit id prefix and the records (unit id, event JSON) in order. */
    private record Run(int year, String prefix, List<Map.Entry<String, String>> records, int unreadable) {

        String campaign() {
            return "alf-" + (year - 3) + "-" + year;
        }

        List<String> periods() {
            return List.of(String.valueOf(year - 1), String.valueOf(year), (year - 3) + "-" + year);
        }

        List<String> values() {
            return records.stream().map(Map.Entry::getValue).toList();
        }
    }

    @Test
    void aPollOfSubmissionsGivesTheValuesOfOneAtATimeAndParksOnlyTheUnreadableRecord() {
        Set<Integer> years = new TreeSet<>();
        while (years.size() < 3) {
            years.add(Events.uniqueYear());
        }
        List<Integer> y = new ArrayList<>(years);
        Run single = run(y.get(0), "SB1");
        Run batch = run(y.get(1), "SB2");
        Run broker = run(y.get(2), "SB3");

        // one event per transaction, in order (the unreadable record fails on its own)
        for (int i = 0; i < single.records().size(); i++) {
            String value = single.records().get(i).getValue();
            if (i == single.unreadable()) {
                continue;
            }
            assertThat(inbox.process("indicator", Topic.SUBMISSIONS, value, SubmissionSubmitted.class,
                    event -> indicators.onSubmission(event.data()))).isTrue();
        }
        Map<String, Map<String, Object>> oneAtATime = settledValues(single);

        // the same as one batch: only the unreadable record is reported, the rest is processed together
        List<Inbox.Failed> failed = inbox.processBatch("indicator", Topic.SUBMISSIONS, batch.values(),
                SubmissionSubmitted.class,
                events -> indicators.onSubmissions(events.stream().map(CloudEvent::data).toList()));
        assertThat(failed).extracting(Inbox.Failed::index).containsExactly(batch.unreadable());
        Map<String, Map<String, Object>> asBatch = settledValues(batch);
        assertThat(asBatch).isEqualTo(oneAtATime);

        // through the broker, sent back to back, so that the consumer polls several at once
        try (TopicProbe dlq = TopicProbe.from("alf.submissions.v1.dlq")) {
            Events.sendAll(Topic.SUBMISSIONS, broker.records());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(revisionOf(broker, "a"))
                    .isEqualTo(2));
            // the unit's last revision may arrive before the region-level records polled after it
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(settledValues(broker))
                    .isEqualTo(oneAtATime));
            assertThat(dlq.await(r -> r.key() != null && r.key().startsWith(broker.prefix()), 1,
                    Duration.ofSeconds(30))).extracting(r -> r.key())
                    .containsExactly(broker.prefix() + "-unreadable");
        }

        // a rebuild from the stored submissions finds the same
        given().auth().oauth2(Tokens.admin()).post("/api/recompute").then().statusCode(200);
        assertThat(settledValues(single)).isEqualTo(oneAtATime);

        // and the values are the right ones: unit a at its second revision, the stale first one ignored
        String year = String.valueOf(single.year());
        // region 12: (5 + 5 + 5) + (1 + 1 + 1) of 50 + 30 staff; the nation adds unit c's 4 of 20
        assertThat(oneAtATime.get("ALF-06|12|y0")).containsEntry("numerator", 18).containsEntry("denominator", 80)
                .containsEntry("value", 22.5f);
        assertThat(oneAtATime.get("ALF-06|SE|y0")).containsEntry("numerator", 22).containsEntry("denominator", 100)
                .containsEntry("members", 3);
        assertThat(oneAtATime.get("ALF-06|P-a|y0")).containsEntry("submissionRevision", 2);
        assertThat(oneAtATime.get("ALF-08|SE|y0")).containsEntry("numerator", 7);
        // CF-01: study X-1 (100 patients, 03 and 18 by population 4:3) and X-2 (20, 03 alone) per 1,000 cases
        assertThat(new BigDecimal(oneAtATime.get("CF-01|SE|y0").get("numerator").toString()))
                .isEqualByComparingTo("120");
        assertThat(oneAtATime.get("CF-01|03|y0")).containsEntry("value", 38.6f);
        assertThat(oneAtATime.get("CF-05|SE|y0")).containsEntry("numerator", 2);
        assertThat(oneAtATime.get("CF-06|ALF|y0")).containsEntry("numerator", 8).containsEntry("denominator", 10);
        // region 18's population counts in the year X-2 started although only region 03 listed it
        assertThat(oneAtATime.get("CF-04|ALF|y0")).as("values of %s", year).containsEntry("numerator", 1)
                .containsEntry("denominator", 700000);
        assertThat(oneAtATime.get("CF-03|SE|y0")).containsEntry("numerator", 0).containsEntry("denominator", 700000);
    }

    /**
     * Unit a submits, amends (the amendment answers fewer years) and its first revision arrives again; units b and c
     * submit once; regions 03 and 18 report research statistics sharing study X-1; an unreadable record in the middle.
     */
    private static Run run(int year, String name) {
        String prefix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String campaign = "alf-" + (year - 3) + "-" + year;
        String research = "research-" + year;
        List<Map.Entry<String, String>> records = new ArrayList<>();
        UUID a = UUID.randomUUID();
        String a1 = """
                {"staffComposition": [{"profession": "P1", "gender": "KVINNOR", "s1": 40, "s2": 4, "s3": 3, "s4": 3,
                  "s5": 8}],
                 "doctoralDegrees": {"%1$d": 2, "%2$d": 3}}""".formatted(year - 1, year);
        records.add(submission(a, 1, campaign, "alf-usve", prefix + "-a", "12", a1));
        records.add(submission(UUID.randomUUID(), 1, campaign, "alf-usve", prefix + "-b", "12", """
                {"staffComposition": [{"profession": "P2", "gender": "MAN", "s1": 30, "s2": 1, "s3": 1, "s4": 1,
                  "s5": 2}],
                 "doctoralDegrees": {"%1$d": 1, "%2$d": 1}}""".formatted(year - 1, year)));
        records.add(submission(UUID.randomUUID(), 1, research, "regional-research", "REGION-03", "03", """
                {"combinedPositionsAdvertised": {"%1$d": 8}, "combinedPositionsFilled": {"%1$d": 6},
                 "population": {"%1$d": 400000}, "newCancerCases": {"%1$d": 2000},
                 "clinicalStudies": [
                   {"registryId": "X%1$d-1", "diagnosisGroup": "BREAST", "sponsorType": "ACADEMIC",
                    "studyType": "DRUG_TRIAL", "phase": "III", "status": "RECRUITING", "enrolledPatients": 100,
                    "enrolmentType": "PLANNED", "startDate": "%2$d-02-01", "participatingRegions": ["03", "18"]},
                   {"registryId": "X%1$d-2", "diagnosisGroup": "LUNG", "sponsorType": "INDUSTRY",
                    "studyType": "DRUG_TRIAL", "phase": "III", "status": "RECRUITING", "enrolledPatients": 20,
                    "enrolmentType": "PLANNED", "startDate": "%1$d-05-01", "participatingRegions": ["03"]}]}"""
                .formatted(year, year - 1)));
        int unreadable = records.size();
        records.add(Map.entry(prefix + "-unreadable", "{\"specversion\": \"1.0\", \"id\": \"" + prefix + "\"}"));
        records.add(submission(a, 2, campaign, "alf-usve", prefix + "-a", "12", """
                {"staffComposition": [{"profession": "P1", "gender": "KVINNOR", "s1": 50, "s2": 5, "s3": 5, "s4": 5,
                  "s5": 10}],
                 "doctoralDegrees": {"%d": 4}}""".formatted(year)));
        records.add(submission(UUID.randomUUID(), 1, campaign, "alf-usve", prefix + "-c", "01", """
                {"staffComposition": [{"profession": "P1", "gender": "MAN", "s1": 20, "s2": 2, "s3": 2, "s4": 0,
                  "s5": 3}],
                 "doctoralDegrees": {"%d": 2}}""".formatted(year)));
        records.add(submission(UUID.randomUUID(), 1, research, "regional-research", "REGION-18", "18", """
                {"combinedPositionsAdvertised": {"%1$d": 2}, "combinedPositionsFilled": {"%1$d": 2},
                 "population": {"%1$d": 300000}, "newCancerCases": {"%1$d": 1500},
                 "clinicalStudies": [
                   {"registryId": "X%1$d-1", "diagnosisGroup": "BREAST", "sponsorType": "ACADEMIC",
                    "studyType": "DRUG_TRIAL", "phase": "III", "status": "RECRUITING", "enrolledPatients": 100,
                    "enrolmentType": "PLANNED", "startDate": "%2$d-02-01", "participatingRegions": ["03", "18"]}]}"""
                .formatted(year, year - 1)));
        // the first revision again (a relay sending it once more, as a new event): it changes nothing
        records.add(submission(a, 1, campaign, "alf-usve", prefix + "-a", "12", a1));
        return new Run(year, prefix, records, unreadable);
    }

    private static Map.Entry<String, String> submission(UUID id, int revision, String campaign, String questionnaire,
            String unit, String region, String answers) {
        return Map.entry(unit, Events.submissionEvent(id, revision, campaign, questionnaire, unit, region,
                Events.json(answers)));
    }

    /**
     * Once the roll-up worker has summed everything of the run's periods: every latest value of them by indicator,
     * org unit (the run's unit prefix as {@code P}) and period (as years relative to the run's: {@code y0},
     * {@code y-1}, {@code y-3..y0}), with its parts, level and the inputs that do not name the run.
     */
    private Map<String, Map<String, Object>> settledValues(Run run) {
        Map<String, Map<String, Object>> values = new TreeMap<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(revisionOf(run, "a")).isEqualTo(2);
            assertThat(pendingWork(run)).as("work left to the roll-up worker").isZero();
            values.clear();
            for (String period : run.periods()) {
                for (Map<String, Object> v : given().auth().oauth2(Tokens.monitor()).queryParam("period", period)
                        .get("/api/values").then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("")) {
                    String orgUnit = ((String) v.get("orgUnit")).replace(run.prefix(), "P");
                    values.put(v.get("indicator") + "|" + orgUnit + "|" + relative(period, run.year()), parts(v));
                }
            }
            assertThat(values).containsKeys("ALF-06|SE|y0", "CF-01|SE|y0", "CF-05|SE|y0", "ALF-08|SE|y-1");
        });
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parts(Map<String, Object> value) {
        Map<String, Object> inputs = (Map<String, Object>) value.get("inputs");
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("orgUnitLevel", value.get("orgUnitLevel"));
        parts.put("numerator", value.get("numerator"));
        parts.put("denominator", value.get("denominator"));
        parts.put("value", value.get("value"));
        for (String key : List.of("covered", "members", "membersCovered", "counts", "submissionRevision",
                "attributedPatients", "studiesInvolving", "studiesExcluded", "registeredUnits", "respondingUnits",
                "respondingUnregistered")) {
            parts.put(key, inputs.get(key));
        }
        return parts;
    }

    private static String relative(String period, int year) {
        if (period.matches("\\d{4}")) {
            return "y" + (Integer.parseInt(period) - year);
        }
        String[] span = period.split("-");
        return "y" + (Integer.parseInt(span[0]) - year) + "..y" + (Integer.parseInt(span[1]) - year);
    }

    private int revisionOf(Run run, String unit) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select coalesce(max(revision), 0) from submission_answers where campaign_id = ?1 and unit_id = ?2")
                .setParameter(1, run.campaign()).setParameter(2, run.prefix() + "-" + unit).getSingleResult())
                .intValue());
    }

    private long pendingWork(Run run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select (select count(*) from rollup_pending where period in (?1))"
                        + " + (select count(*) from rollup_delta where period in (?1))")
                .setParameter(1, run.periods()).getSingleResult()).longValue());
    }
}
