package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import se.alfmonitor.e2e.ConcurrentWorkload.Amendment;
import se.alfmonitor.e2e.ConcurrentWorkload.Overriding;
import se.alfmonitor.e2e.ConcurrentWorkload.Plan;
import se.alfmonitor.e2e.ConcurrentWorkload.SetOverride;
import se.alfmonitor.e2e.Suite.Service;

/**
 * Concurrent work on many units at once, through the public APIs only: assessors decide both examples of each unit
 * (levels 18 and 23) at the same moment, while other assessors set, replace and withdraw site-visit overrides on the
 * same units, reporters amend some of the submissions (keeping the examples, or giving a new example for level 23),
 * and an operator publishes the rule set in force in the middle. Once the system is quiet, every decision and every
 * override in force is applied exactly once in each unit's latest assessment, which is of the unit's latest
 * revision; assessment-service's own consistency check finds nothing; each decided example's audit holds one
 * decision; and reporting-service's compliance matrix equals a recomputation from the latest assessments.
 *
 * <p>The units live in a campaign of their own, so the other tests' figures do not change. The publication
 * re-assesses every unit of the questionnaire version, other tests' included, so this class runs last.
 *
 * <p>The writes and what they were answered are in {@link ConcurrentWorkload}, the compliance figures in
 * {@link ComplianceFigures}; the checks stay here together, since each reads the latest assessments, the review
 * items and the overrides side by side.
 */
@Order(6)
class ConcurrentWorkIT extends AgainstRunningSuite {

    private static final int UNITS = Integer.getInteger("alf.e2e.concurrent-units", 300);
    private static final int THREADS = Integer.getInteger("alf.e2e.concurrent-threads", 8);
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final String CAMPAIGN = "e2e-concurrent-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INCONSISTENT_GAUGE = Pattern.compile(
            "^alf_assessment_inconsistent_units(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);

    @Test
    void decisionsOverridesAmendmentsAndAPublicationOnManyUnitsAtOnceEndConsistent() throws Exception {
        long started = System.nanoTime();
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("questionnaire", Map.of("key", "alf-usve", "version", "2021"),
                        "periodStart", "2018-01-01", "periodEnd", "2021-12-31", "referenceDate", "2021-12-31",
                        "status", "OPEN"))
                .put("/api/campaigns/{id}", CAMPAIGN).then().statusCode(201);
        ConcurrentWorkload workload = new ConcurrentWorkload(suite, tokens, CAMPAIGN);
        List<Plan> plans = IntStream.range(0, UNITS).mapToObj(i -> ConcurrentWorkload.plan(i, RUN)).toList();

        // 1. every unit submitted and assessed, with both examples pending review
        inParallel(plans.stream().<Callable<Void>>map(p -> () -> {
            workload.registerAndSubmit(p);
            return null;
        }).toList());
        double submitSeconds = seconds(started);
        Map<String, JsonNode> first = awaitAssessed();
        for (Plan p : plans) {
            assertThat(outcomes(first.get(p.unitId()))).as("first assessment of %s", p.unitId()).hasSize(27)
                    .containsEntry(18, "PENDING_REVIEW").containsEntry(23, "PENDING_REVIEW")
                    .allSatisfy((level, outcome) -> assertThat(outcome).isIn("MET", "NOT_APPLICABLE",
                            "PENDING_REVIEW"));
        }
        Map<String, String> pending = new HashMap<>();
        for (JsonNode item : reviewsOfCampaign("PENDING")) {
            pending.put(item.path("unitId").asText() + "|" + item.path("level").asInt(), item.path("id").asText());
        }
        assertThat(pending).as("one pending review per unit and example").hasSize(2 * UNITS);
        double setUpSeconds = seconds(started);

        // 2. all at once: per unit, both decisions, its amendment and its overrides released together by a
        // barrier; the publication once half of the units are decided
        long concurrentStarted = System.nanoTime();
        CountDownLatch halfway = new CountDownLatch(UNITS / 2);
        ExecutorService publisher = Executors.newSingleThreadExecutor();
        long[] decidedAroundPublication = new long[2];
        double[] publishSeconds = new double[1];
        Future<Response> publication = publisher.submit(() -> {
            if (!halfway.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("not halfway within " + PATIENCE);
            }
            decidedAroundPublication[0] = workload.count("decision");
            long publishing = System.nanoTime();
            Response answer = workload.publishActiveRuleSet();
            publishSeconds[0] = seconds(publishing);
            decidedAroundPublication[1] = workload.count("decision");
            return answer;
        });
        List<Callable<Void>> work = new ArrayList<>();
        for (Plan p : plans) {
            List<Runnable> parties = new ArrayList<>();
            parties.add(() -> {
                workload.decide(p, 18, pending.get(p.unitId() + "|18"));
                halfway.countDown();
            });
            parties.add(() -> workload.decide(p, 23, pending.get(p.unitId() + "|23")));
            if (p.amendment() != Amendment.NONE) {
                parties.add(() -> workload.amend(p));
            }
            if (p.overriding() != Overriding.NONE) {
                parties.add(() -> workload.override(p));
            }
            CyclicBarrier together = new CyclicBarrier(parties.size());
            for (Runnable party : parties) {
                work.add(() -> {
                    together.await(60, TimeUnit.SECONDS);
                    party.run();
                    return null;
                });
            }
        }
        // a unit's parties are queued next to each other and are at most four, no more than the threads: the
        // barriers trip in turn and none waits for a party that cannot get a thread
        assertThat(THREADS).as("client threads").isGreaterThanOrEqualTo(4);
        inParallel(work);
        Response publishAnswer = publication.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        publisher.shutdown();
        JsonNode published = JSON.readTree(publishAnswer.asString());
        double concurrentSeconds = seconds(concurrentStarted);

        // 3. once quiet, everything applied exactly once
        long quietStarted = System.nanoTime();
        Map<String, JsonNode> latest = awaitQuiescent(plans);
        double quietSeconds = seconds(quietStarted);
        List<JsonNode> items = reviewsOfCampaign(null);
        Map<String, JsonNode> overrides = new HashMap<>();
        for (JsonNode o : getJson(Service.ASSESSMENT, tokens.user("assessor"), "/api/overrides",
                Map.of("campaignId", CAMPAIGN))) {
            overrides.put(o.path("id").asText(), o);
        }
        Map<String, Integer> surveyRevisions = new ConcurrentHashMap<>();
        inParallel(plans.stream().<Callable<Void>>map(p -> () -> {
            surveyRevisions.put(p.unitId(), getJson(Service.SURVEY, tokens.user("assessor"),
                    "/api/submissions/" + p.submissionId(), Map.of()).path("revision").asInt());
            return null;
        }).toList());

        List<String> failures = new ArrayList<>();
        for (Plan p : plans) {
            checkUnit(workload, p, outcomes(first.get(p.unitId())), latest.get(p.unitId()),
                    surveyRevisions.get(p.unitId()),
                    items.stream().filter(i -> i.path("unitId").asText().equals(p.unitId())).toList(), failures);
        }
        checkOverrides(workload, overrides, latest, failures);
        failures.addAll(checkAudits(items));

        JsonNode consistency = getJson(Service.ASSESSMENT, tokens.user("monitor"), "/api/admin/consistency",
                Map.of());
        String gauge = inconsistentUnitsGauge();

        long reportingStarted = System.nanoTime();
        List<String> complianceDifferences = awaitCompliance(ComplianceFigures.recompute(latest.values()));
        double reportingSeconds = seconds(reportingStarted);

        System.out.printf("CONCURRENT WORK: %d units in campaign %s, %d client threads; %d decisions (levels 18 "
                + "and 23 of a unit released together), overrides set %d, withdrawn %d, replaced %d, amendments %d "
                + "(%d with a new level-23 example); rule set %s published halfway (sent after %d decisions, answered "
                + "after %d, in %.1f s): %d units re-assessed, %d changed; %d units registered and submitted in "
                + "%.1f s, all assessed after %.1f s; concurrent phase %.1f s, quiet after %.1f s, "
                + "reporting-service equal after %.1f s, total %.1f s; answers %s; consistency check %d "
                + "inconsistent units, gauge %s; "
                + "failures %d, compliance differences %d, %d review items checked%n", UNITS, CAMPAIGN, THREADS,
                workload.count("decision"), workload.overridesSet(), workload.withdrawn(), workload.replaced(),
                workload.count("amendment"), plans.stream().filter(p -> p.amendment() == Amendment.NEW_EXAMPLE_23)
                        .count(),
                published.path("ruleSetVersion").asText(), decidedAroundPublication[0], decidedAroundPublication[1],
                publishSeconds[0], published.path("assessed").asInt(), published.path("changed").asInt(), UNITS,
                submitSeconds, setUpSeconds, concurrentSeconds, quietSeconds, reportingSeconds,
                seconds(started), workload.statuses(), consistency.path("inconsistentUnits").asInt(), gauge,
                failures.size(), complianceDifferences.size(), items.size());
        failures.stream().limit(40).forEach(f -> System.out.println("CONCURRENT WORK failure: " + f));
        complianceDifferences.stream().limit(40).forEach(d -> System.out.println("CONCURRENT WORK compliance: " + d));

        assertThat(workload.unexpected()).as("answers other than 200/201 or a documented 409").isEmpty();
        assertThat(published.path("assessed").asInt()).as("units re-assessed by the publication")
                .isGreaterThanOrEqualTo(UNITS);
        assertThat(failures).as("latest assessments, review items, overrides and audits not as decided").isEmpty();
        assertThat(consistency.path("inconsistentUnits").asInt()).as("consistency check: %s",
                consistency.path("units")).isZero();
        assertThat(gauge).as("alf_assessment_inconsistent_units after the check").isIn("0.0", "0");
        assertThat(complianceDifferences).as("compliance matrix: recomputed ≠ reporting-service").isEmpty();
    }

    // ---- the checks ----

    private static void checkUnit(ConcurrentWorkload workload, Plan p, Map<Integer, String> firstOutcomes,
            JsonNode assessment, Integer surveyRevision, List<JsonNode> items,
            List<String> failures) {
        String unit = p.unitId();
        if (assessment == null) {
            failures.add(unit + ": no assessment");
            return;
        }
        int revision = assessment.path("submissionRevision").asInt();
        if (surveyRevision == null || revision != surveyRevision || revision != p.expectedRevision()
                || !assessment.path("submissionId").asText().equals(p.submissionId().toString())) {
            failures.add(unit + ": assessed revision " + revision + " of " + assessment.path("submissionId").asText()
                    + ", survey-service's latest " + surveyRevision + ", expected " + p.expectedRevision());
        }
        Map<Integer, SetOverride> inForce = workload.inForce(p);
        int fulfilled = 0;
        int pendingReviews = 0;
        for (JsonNode level : assessment.path("levels")) {
            int number = level.path("number").asInt();
            String outcome = level.path("outcome").asText();
            JsonNode explanation = level.path("explanation");
            // what the answers alone decide: unchanged by the amendments, apart from the examples
            String surveyOutcome = firstOutcomes.get(number);
            JsonNode item = number == 18 || number == 23 ? expectedItem(workload, p, number, items, failures) : null;
            if (item != null) {
                String status = item.path("status").asText();
                surveyOutcome = switch (status) {
                    case "APPROVED" -> "MET";
                    case "REJECTED" -> "NOT_MET";
                    default -> "PENDING_REVIEW";
                };
                JsonNode review = explanation.path("review");
                if (!review.path("id").asText().equals(item.path("id").asText())
                        || !review.path("status").asText().equals(status)) {
                    failures.add(unit + " level " + number + ": names review " + review + ", the item is "
                            + item.path("id").asText() + " " + status);
                }
            }
            SetOverride expectedOverride = inForce.get(number);
            JsonNode override = explanation.path("override");
            String expected = expectedOverride == null ? surveyOutcome : expectedOverride.outcome();
            if (!outcome.equals(expected)) {
                failures.add(unit + " level " + number + ": " + outcome + ", expected " + expected);
            }
            if (expectedOverride == null ? !override.isMissingNode()
                    : !override.path("id").asText().equals(expectedOverride.id())
                            || !override.path("outcome").asText().equals(expected)
                            || !override.path("surveyOutcome").asText().equals(surveyOutcome)) {
                failures.add(unit + " level " + number + ": override " + override + ", expected "
                        + (expectedOverride == null ? "none"
                                : expectedOverride.id() + " " + expected + " over " + surveyOutcome));
            }
            fulfilled += outcome.equals("MET") || outcome.equals("NOT_APPLICABLE") ? 1 : 0;
            pendingReviews += outcome.equals("PENDING_REVIEW") ? 1 : 0;
        }
        int levels = assessment.path("levels").size();
        if (levels != 27 || assessment.path("metCount").asInt() != fulfilled
                || assessment.path("allMet").asBoolean() != (fulfilled == levels)
                || assessment.path("pendingReviews").asInt() != pendingReviews) {
            failures.add(unit + ": " + levels + " levels, metCount " + assessment.path("metCount") + ", allMet "
                    + assessment.path("allMet") + ", pendingReviews " + assessment.path("pendingReviews")
                    + "; the levels say " + fulfilled + " fulfilled, " + pendingReviews + " pending");
        }
    }

    /**
     * The review item a unit's level must name now: the one decided, holding the decision sent; for a unit that got
     * a new level-23 example, the new item, pending, while the one decided holds the decision if it was taken before
     * the new example arrived (200) and is superseded if after (409 REVIEW_SUPERSEDED).
     */
    private static JsonNode expectedItem(ConcurrentWorkload workload, Plan p, int level, List<JsonNode> items,
            List<String> failures) {
        String decided = workload.decidedItem(p, level);
        List<JsonNode> ofLevel = items.stream().filter(i -> i.path("level").asInt() == level).toList();
        JsonNode original = ofLevel.stream().filter(i -> i.path("id").asText().equals(decided)).findFirst()
                .orElse(null);
        boolean newExample = level == 23 && p.amendment() == Amendment.NEW_EXAMPLE_23;
        if (original == null || ofLevel.size() != (newExample ? 2 : 1)) {
            failures.add(p.unitId() + " level " + level + ": review items " + ofLevel.stream()
                    .map(i -> i.path("id").asText() + " " + i.path("status").asText()).toList() + ", decided "
                    + decided);
            return null;
        }
        String sent = p.decision(level);
        String originalStatus = original.path("status").asText();
        if (!newExample) {
            if (!originalStatus.equals(sent)) {
                failures.add(p.unitId() + " level " + level + ": item " + decided + " is " + originalStatus
                        + ", decided " + sent);
            }
            return original;
        }
        String answer = workload.decisionAnswer(p, 23);
        String expectedOriginal = "200".equals(answer) ? sent : "SUPERSEDED";
        JsonNode replacement = ofLevel.stream().filter(i -> i != original).findFirst().orElseThrow();
        if (!originalStatus.equals(expectedOriginal)
                || !replacement.path("status").asText().equals("PENDING")) {
            failures.add(p.unitId() + " level 23: decision answered " + answer + "; item " + decided + " is "
                    + originalStatus + " (expected " + expectedOriginal + "), new item "
                    + replacement.path("id").asText() + " is " + replacement.path("status").asText());
        }
        return replacement;
    }

    /** The overrides on record are those set: in force as the test left them, the others withdrawn or replaced. */
    private static void checkOverrides(ConcurrentWorkload workload, Map<String, JsonNode> overrides,
            Map<String, JsonNode> latest, List<String> failures) {
        Set<String> expectedInForce = workload.inForceIds();
        Set<String> inForce = new HashSet<>();
        Set<String> ended = new HashSet<>();
        overrides.forEach((id, o) -> (o.path("inForce").asBoolean() ? inForce : ended).add(id));
        if (!inForce.equals(expectedInForce) || !ended.equals(workload.ended())
                || overrides.size() != workload.overridesSet()) {
            failures.add("overrides on record: " + inForce.size() + " in force, " + ended.size() + " ended, "
                    + overrides.size() + " in all; set " + workload.overridesSet() + ", expected in force "
                    + expectedInForce.size() + ", ended " + workload.ended().size());
        }
        for (JsonNode assessment : latest.values()) {
            for (JsonNode level : assessment.path("levels")) {
                String id = level.path("explanation").path("override").path("id").asText(null);
                if (id != null && ended.contains(id)) {
                    failures.add(assessment.path("unitId").asText() + " level " + level.path("number")
                            + ": still carries ended override " + id);
                }
            }
        }
    }

    /** Each decided item's audit holds exactly one decision, each superseded item's one supersession. */
    private static List<String> checkAudits(List<JsonNode> items) throws Exception {
        ConcurrentLinkedQueue<String> found = new ConcurrentLinkedQueue<>();
        inParallel(items.stream().<Callable<Void>>map(item -> () -> {
            String status = item.path("status").asText();
            int decided = 0;
            int superseded = 0;
            for (JsonNode entry : getJson(Service.ASSESSMENT, tokens.user("assessor"),
                    "/api/reviews/" + item.path("id").asText() + "/audit", Map.of())) {
                if (entry.path("action").asText().equals("DECIDED")) {
                    decided++;
                    if (!entry.path("toStatus").asText().equals(status)) {
                        found.add("review " + item.path("id").asText() + ": DECIDED to " + entry.path("toStatus")
                                + " but is " + status);
                    }
                } else if (entry.path("action").asText().equals("SUPERSEDED")) {
                    superseded++;
                }
            }
            int expectedDecided = status.equals("APPROVED") || status.equals("REJECTED") ? 1 : 0;
            int expectedSuperseded = status.equals("SUPERSEDED") ? 1 : 0;
            if (decided != expectedDecided || superseded != expectedSuperseded) {
                found.add("review " + item.path("id").asText() + " of " + item.path("unitId").asText() + " level "
                        + item.path("level").asInt() + " (" + status + "): " + decided + " DECIDED, " + superseded
                        + " SUPERSEDED in its audit");
            }
            return null;
        }).toList());
        return List.copyOf(found);
    }

    // ---- waiting and reading ----

    private static Map<String, JsonNode> awaitAssessed() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, JsonNode> latest = latestAssessments();
        while (latest.size() < UNITS || latest.values().stream()
                .anyMatch(a -> a.path("pendingReviews").asInt() != 2)) {
            assertThat(System.nanoTime()).as("all %d units assessed within %s; %d are", UNITS, PATIENCE,
                    latest.size()).isLessThan(deadline);
            Thread.sleep(1000);
            latest = latestAssessments();
        }
        return latest;
    }

    /**
     * Reads the latest assessments until no unit's changes between two reads {@link #QUIET} apart and every unit is
     * assessed at the revision the test left it; if they stay unchanged for four reads without that, they are
     * returned as they are, and the checks say which units are behind.
     */
    private static Map<String, JsonNode> awaitQuiescent(List<Plan> plans) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, JsonNode> previous = latestAssessments();
        int unchangedReads = 0;
        while (true) {
            Thread.sleep(QUIET.toMillis());
            Map<String, JsonNode> current = latestAssessments();
            boolean unchanged = versions(current).equals(versions(previous));
            unchangedReads = unchanged ? unchangedReads + 1 : 0;
            boolean caughtUp = plans.stream().allMatch(p -> current.containsKey(p.unitId())
                    && current.get(p.unitId()).path("submissionRevision").asInt() == p.expectedRevision());
            if (unchanged && caughtUp || unchangedReads >= 4) {
                return current;
            }
            assertThat(System.nanoTime()).as("quiet within %s", PATIENCE).isLessThan(deadline);
            previous = current;
        }
    }

    private static Map<String, String> versions(Map<String, JsonNode> assessments) {
        Map<String, String> versions = new HashMap<>();
        assessments.forEach((unit, a) -> versions.put(unit, a.path("version").asText() + "/"
                + a.path("submissionRevision").asText()));
        return versions;
    }

    /** Waits until reporting-service's compliance matrix has caught up; returns the cells that still differ. */
    private static List<String> awaitCompliance(Map<String, String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        List<String> differences;
        while (true) {
            differences = ComplianceFigures.differences(expected, ComplianceFigures.of(getJson(Service.REPORTING,
                    tokens.user("monitor"), "/api/compliance", Map.of("campaignId", CAMPAIGN))));
            if (differences.isEmpty() || System.nanoTime() > deadline) {
                return differences;
            }
            Thread.sleep(2000);
        }
    }

    private static Map<String, JsonNode> latestAssessments() {
        Map<String, JsonNode> latest = new HashMap<>();
        for (JsonNode assessment : getJson(Service.ASSESSMENT, tokens.user("assessor"), "/api/assessments",
                Map.of("campaignId", CAMPAIGN))) {
            latest.put(assessment.path("unitId").asText(), assessment);
        }
        return latest;
    }

    /** The campaign's review items, of one status or all. */
    private static List<JsonNode> reviewsOfCampaign(String status) {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : getJson(Service.ASSESSMENT, tokens.user("assessor"), "/api/reviews",
                status == null ? Map.of() : Map.of("status", status))) {
            if (CAMPAIGN.equals(item.path("campaignId").asText())) {
                items.add(item);
            }
        }
        return items;
    }

    private static Map<Integer, String> outcomes(JsonNode assessment) {
        Map<Integer, String> outcomes = new TreeMap<>();
        assessment.path("levels").forEach(l -> outcomes.put(l.path("number").asInt(), l.path("outcome").asText()));
        return outcomes;
    }

    private static String inconsistentUnitsGauge() {
        String metrics = given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(suite.tokens().prometheus())
                .get("/q/metrics").then().statusCode(200)
                .extract().asString();
        Matcher matcher = INCONSISTENT_GAUGE.matcher(metrics);
        return matcher.find() ? matcher.group(1) : "missing";
    }

    private static JsonNode getJson(Service service, String token, String path, Map<String, ?> query) {
        String body = given().baseUri(suite.url(service)).auth().oauth2(token).queryParams(query).get(path)
                .then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Not JSON from " + path + ": " + body, e);
        }
    }

    /** Runs the tasks on {@link #THREADS} client threads, in the order given, and fails with the first failure. */
    private static void inParallel(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<Void> future : futures) {
                future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
