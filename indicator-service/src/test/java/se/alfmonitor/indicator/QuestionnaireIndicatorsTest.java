package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import se.alfmonitor.testing.Tokens;
import se.alfmonitor.testing.TopicProbe;

@QuarkusTest
class QuestionnaireIndicatorsTest {

    @Test
    void unitQuestionnairesFeedStaffCountAndArticleIndicatorsSummedUpwards() {
        int year = Events.uniqueYear();
        String campaign = "alf-" + (year - 3) + "-" + year;
        String unitA = "QA-" + UUID.randomUUID().toString().substring(0, 8);
        String unitB = "QB-" + UUID.randomUUID().toString().substring(0, 8);
        Events.submission(campaign, "alf-usve", unitA, "12", Events.json("""
                {"staffComposition": [
                   {"profession": "P1", "gender": "KVINNOR", "s1": 40, "s2": 4, "s3": 3, "s4": 3, "s5": 8,
                    "s5DoctoralStudents": 3, "s5PhdUnder7Years": 2, "s5Phd7YearsOrMore": 3, "s6": 1, "s7": 2},
                   {"profession": "P1", "gender": "MAN", "s1": 30, "s2": 2, "s3": 2, "s4": 6, "s5": 8,
                    "s5DoctoralStudents": 1, "s5PhdUnder7Years": 2, "s5Phd7YearsOrMore": 5, "s6": 0, "s7": 5},
                   {"profession": "P2", "gender": "KVINNOR", "s1": 130, "s2": 1, "s3": 0, "s4": 0, "s5": 4}],
                 "doctoralDegrees": {"%1$d": 2, "%2$d": 3},
                 "halftimeSeminars": {"%1$d": null, "%2$d": 1},
                 "15": {"%1$d": 30, "%2$d": 40},
                 "experiencedSupervisors": 4,
                 "excellentFundersApplied": "JA", "excellentFundersReceived": "JA"}""".formatted(year - 1, year)));
        Events.submission(campaign, "alf-usve", unitB, "12", Events.json("""
                {"staffComposition": [
                   {"profession": "P1", "gender": "KVINNOR", "s1": 10, "s2": 1, "s3": 0, "s4": 1, "s5": 2}],
                 "doctoralDegrees": {"%1$d": 1, "%2$d": 0},
                 "halftimeSeminars": {"%1$d": 2, "%2$d": 2},
                 "15": {"%2$d": 8},
                 "experiencedSupervisors": null,
                 "excellentFundersApplied": "JA", "excellentFundersReceived": "NEJ"}""".formatted(year - 1, year)));
        String y = String.valueOf(year);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> value("ALF-06", "12", y)
                .body("denominator", equalTo(210)));
        // (4+3+3 + 2+2+6 + 1 + 1+0+1) / (40 + 30 + 130 + 10) = 23 / 210
        value("ALF-06", "12", y).body("numerator", equalTo(23)).body("value", equalTo(11.0f));
        value("ALF-06", unitA, y).body("value", equalTo(10.5f));
        // physicians only: 22 / 80; women only: (10 + 1 + 2) / 180
        value("ALF-06.P1", "SE", y).body("numerator", equalTo(22)).body("denominator", equalTo(80))
                .body("value", equalTo(27.5f));
        value("ALF-06.KVINNOR", "ALF", y).body("numerator", equalTo(13)).body("denominator", equalTo(180));
        // counts per year; a "no data" year leaves the unit out and shows in the coverage
        value("ALF-08", "12", String.valueOf(year - 1)).body("numerator", equalTo(3)).body("value", equalTo(3.0f))
                .body("denominator", equalTo(null));
        value("ALF-09", "12", String.valueOf(year - 1)).body("numerator", equalTo(2))
                .body("inputs.members", equalTo(2)).body("inputs.membersCovered", equalTo(1));
        // articles per active researcher: (40 + 8) / (20 + 2) in the year, unit B left out the year before
        value("ALF-10", "12", y).body("numerator", equalTo(48)).body("denominator", equalTo(22))
                .body("value", equalTo(2.2f));
        value("ALF-10", "12", String.valueOf(year - 1)).body("numerator", equalTo(30))
                .body("denominator", equalTo(20));
        value("ALF-11", "12", y).body("numerator", equalTo(4)).body("denominator", equalTo(1));
        // unit B reports no S5 split: left out of both; unit A (1 + 2 + 0 + 5) / (2 + 3 + 2 + 5)
        value("ALF-07", "12", y).body("numerator", equalTo(8)).body("denominator", equalTo(12))
                .body("value", equalTo(66.7f)).body("inputs.membersCovered", equalTo(1));
        value("ALF-07.PHD_UNDER_7", unitA, y).body("numerator", equalTo(1)).body("denominator", equalTo(4));
        String round = (year - 3) + "-" + year;
        value("ALF-12", "12", round).body("numerator", equalTo(1)).body("denominator", equalTo(2))
                .body("value", equalTo(50.0f));
        value("ALF-12.SUCCESS_RATE", "SE", round).body("denominator", equalTo(2));
    }

    @Test
    void regionalSubmissionsFeedFillRateFundingShareAndStartedStudies() {
        int year = Events.uniqueYear();
        String y = String.valueOf(year);
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("[{\"regionCode\": \"03\", \"value\": 400000}, {\"regionCode\": \"18\", \"value\": 300000}]")
                .put("/api/reference/population/" + year).then().statusCode(200);
        Events.submission("research-" + year, "regional-research", "REGION-03", "03", Events.json("""
                {"combinedPositionsAdvertised": {"%1$s": 8}, "combinedPositionsFilled": {"%1$s": 6},
                 "researchBaseFunding": {"%1$s": 120000}, "healthcareCost": {"%1$s": 12000000},
                 "clinicalStudies": [
                   {"registryId": "X%1$s-1", "diagnosisGroup": "NOT_CANCER", "sponsorType": "ACADEMIC",
                    "studyType": "OBSERVATIONAL", "phase": "NOT_APPLICABLE", "status": "COMPLETED",
                    "startDate": "%1$s-02-01", "participatingRegions": ["03", "18"]},
                   {"registryId": "X%1$s-2", "diagnosisGroup": "LUNG", "sponsorType": "INDUSTRY",
                    "studyType": "DRUG_TRIAL", "phase": "III", "status": "RECRUITING", "enrolledPatients": 20,
                    "startDate": "%1$s-05-01", "participatingRegions": ["03"]}]}""".formatted(y)));
        Events.submission("research-" + year, "regional-research", "REGION-18", "18", Events.json("""
                {"combinedPositionsAdvertised": {"%1$s": 2}, "combinedPositionsFilled": {"%1$s": 2},
                 "researchBaseFunding": {"%1$s": 30000}, "healthcareCost": {"%1$s": 9000000},
                 "clinicalStudies": [
                   {"registryId": "X%1$s-1", "diagnosisGroup": "NOT_CANCER", "sponsorType": "ACADEMIC",
                    "studyType": "OBSERVATIONAL", "phase": "NOT_APPLICABLE", "status": "COMPLETED",
                    "startDate": "%1$s-02-01", "participatingRegions": ["03", "18"]}]}""".formatted(y)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> value("CF-06", "SE", y)
                .body("denominator", equalTo(10)));
        value("CF-06", "SE", y).body("numerator", equalTo(8)).body("value", equalTo(80.0f));
        value("CF-06", "03", y).body("value", equalTo(75.0f));
        // (120,000 + 30,000) / (12,000,000 + 9,000,000) × 100, summed in SEK, never averaged
        value("CF-07", "ALF", y).body("value", equalTo(0.7f));
        value("CF-07", "03", y).body("value", equalTo(1.0f));
        // one academic study in both regions: once in each, once at the ALF level, per 100,000 inhabitants
        value("CF-03", "03", y).body("numerator", equalTo(1)).body("value", equalTo(0.3f));
        value("CF-03", "ALF", y).body("numerator", equalTo(1)).body("denominator", equalTo(700000))
                .body("value", equalTo(0.1f));
        value("CF-04", "03", y).body("numerator", equalTo(1));
        value("CF-04", "18", y).body("numerator", equalTo(0));
    }

    @Test
    void aLaterRevisionWinsAndARedeliveredOlderOneChangesNothing() {
        int year = Events.uniqueYear();
        String campaign = "alf-" + (year - 3) + "-" + year;
        String unit = "QR-" + UUID.randomUUID().toString().substring(0, 8);
        UUID submission = UUID.randomUUID();
        String degrees = "{\"doctoralDegrees\": {\"%d\": %d}}";
        Events.submission(submission, 1, campaign, "alf-usve", unit, "05", Events.json(degrees.formatted(year, 1)));
        Events.submission(submission, 2, campaign, "alf-usve", unit, "05", Events.json(degrees.formatted(year, 5)));
        Events.submission(submission, 1, campaign, "alf-usve", unit, "05", Events.json(degrees.formatted(year, 1)));
        // same key, so the same partition: once this one shows, the stale revision before it has been processed
        String marker = "alf-" + (year - 4) + "-" + (year - 1);
        Events.submission(marker, "alf-usve", unit, "05", Events.json(degrees.formatted(year - 1, 7)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> value("ALF-08", unit, String.valueOf(year - 1))
                .body("numerator", equalTo(7)));
        value("ALF-08", unit, String.valueOf(year)).body("numerator", equalTo(5))
                .body("inputs.submissionRevision", equalTo(2));
    }

    @Test
    void anUnreadableSubmissionGoesToTheDeadLetterTopicAndTheStreamGoesOn() {
        String key = "QD-" + UUID.randomUUID().toString().substring(0, 8);
        TopicProbe.send("alf.submissions.v1", key, "{\"specversion\": \"1.0\", \"id\": \"" + key + "\"}");
        int year = Events.uniqueYear();
        Events.submission("alf-" + (year - 3) + "-" + year, "alf-usve", key, "21",
                Events.json("{\"experiencedSupervisors\": 3}"));
        try (TopicProbe dlq = TopicProbe.from("alf.submissions.v1.dlq")) {
            assertThat(dlq.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(60))).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> value("ALF-11", key, String.valueOf(year))
                .body("numerator", equalTo(3)));
    }

    private static ValidatableResponse value(String indicator, String orgUnit, String period) {
        return given().auth().oauth2(Tokens.monitor()).get("/api/values/" + indicator + "/" + orgUnit + "/" + period)
                .then().statusCode(200);
    }
}
