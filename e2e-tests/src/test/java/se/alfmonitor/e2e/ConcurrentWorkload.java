package se.alfmonitor.e2e;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import se.alfmonitor.e2e.Suite.Service;

/**
 * The writes of {@link ConcurrentWorkIT}, made from many client threads at once, and what they were answered: the
 * plan of each unit, every answer counted by status and problem code, the review items decided, and the overrides
 * that must be in force or have ended.
 */
final class ConcurrentWorkload {

    /** What a reporter does to a unit's submission while its examples are decided. */
    enum Amendment {
        NONE,
        /** A new revision with both examples as they were: the decisions stay valid. */
        SAME_EXAMPLES,
        /** A new revision with another example for level 23 (item 35a): its review is replaced by a new one. */
        NEW_EXAMPLE_23
    }

    /** What an assessor does with site-visit overrides of a unit while its examples are decided. */
    enum Overriding {
        NONE,
        /** Level 3 overridden NOT_MET, kept in force. */
        KEEP_3,
        /** Level 17 overridden NOT_MET, then withdrawn. */
        WITHDRAW_17,
        /** Level 5 overridden NOT_MET, then replaced by a second override MET. */
        REPLACE_5,
        /** Level 23 (an example under review) overridden NOT_MET, kept in force. */
        KEEP_23
    }

    record Plan(int index, String unitId, String region, UUID submissionId, String decision18, String decision23,
            Amendment amendment, Overriding overriding) {

        int expectedRevision() {
            return amendment == Amendment.NONE ? 1 : 2;
        }

        String decision(int level) {
            return level == 18 ? decision18 : decision23;
        }
    }

    /** An override as the service answered its creation. */
    record SetOverride(String id, String outcome) {
    }

    private static final Map<String, Object> COMPLETE = Fixtures.completeAlfUsve();

    private final Suite suite;
    private final RealmTokens tokens;
    private final String campaign;
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    /** unit id → level → the review item decided. */
    private final Map<String, Map<Integer, String>> decidedItems = new ConcurrentHashMap<>();
    /** unit id → level → how the decision was answered ("200", "409 REVIEW_SUPERSEDED"). */
    private final Map<String, Map<Integer, String>> decisionAnswers = new ConcurrentHashMap<>();
    /** unit id → level → the override that must be in force. */
    private final Map<String, Map<Integer, SetOverride>> inForce = new ConcurrentHashMap<>();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final LongAdder overridesSet = new LongAdder();
    private final LongAdder withdrawn = new LongAdder();
    private final LongAdder replaced = new LongAdder();

    ConcurrentWorkload(Suite suite, RealmTokens tokens, String campaign) {
        this.suite = suite;
        this.tokens = tokens;
        this.campaign = campaign;
    }

    /**
     * The unit's share of the work, varied by its number: decisions mixed, every tenth unit amended (every fiftieth
     * with a new example for level 23), overrides on levels 3, 5, 17 and 23 of others; units spread over the seven
     * ALF regions.
     */
    static Plan plan(int i, String run) {
        String region = ComplianceFigures.ALF_REGIONS.get(i % ComplianceFigures.ALF_REGIONS.size());
        Amendment amendment = i % 50 == 1 ? Amendment.NEW_EXAMPLE_23
                : i % 10 == 1 ? Amendment.SAME_EXAMPLES : Amendment.NONE;
        Overriding overriding = i % 10 == 3 || i % 30 == 1 ? Overriding.KEEP_3
                : i % 10 == 6 ? Overriding.WITHDRAW_17
                : i % 20 == 8 ? Overriding.REPLACE_5
                : i % 20 == 18 ? Overriding.KEEP_23 : Overriding.NONE;
        return new Plan(i, region + "-CW-" + run + "-" + i, region, UUID.randomUUID(),
                i % 3 == 0 ? "REJECTED" : "APPROVED", i % 4 == 0 ? "REJECTED" : "APPROVED", amendment, overriding);
    }

    /** Registers the unit and submits the complete answer set: both examples go to review. */
    void registerAndSubmit(Plan p) {
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Samtidighetsenhet " + p.index(), "regionCode", p.region(),
                        "directPatientContact", true, "designatedYear", 2016))
                .put("/api/units/{id}", p.unitId()).then().statusCode(201);
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region(p.region()))
                .contentType(ContentType.JSON)
                .body(Map.of("campaignId", campaign, "unitId", p.unitId(), "answers", COMPLETE))
                .put("/api/submissions/{id}", p.submissionId()).then().statusCode(201);
        given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region(p.region()))
                .post("/api/submissions/{id}/submit", p.submissionId()).then().statusCode(200);
    }

    void decide(Plan p, int level, String reviewId) {
        String decision = p.decision(level);
        Response response = given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user("assessor"))
                .contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "comment", decision + " i ConcurrentWorkIT, nivå " + level))
                .post("/api/reviews/{id}/decision", reviewId);
        // the example it judges may be replaced by the amendment released with it: the documented 409
        boolean mayBeReplaced = level == 23 && p.amendment() == Amendment.NEW_EXAMPLE_23;
        String answer = record("decision", p, response,
                mayBeReplaced ? Set.of("200", "409 REVIEW_SUPERSEDED") : Set.of("200"));
        decidedItems.computeIfAbsent(p.unitId(), u -> new ConcurrentHashMap<>()).put(level, reviewId);
        decisionAnswers.computeIfAbsent(p.unitId(), u -> new ConcurrentHashMap<>()).put(level, answer);
    }

    /** A new revision based on revision 1, as the unit's only writer; the examples as planned. */
    void amend(Plan p) {
        Map<String, Object> answers = new LinkedHashMap<>(COMPLETE);
        answers.put("explanation4a", "Handlingsplanen reviderades 2021 (" + p.unitId() + ").");
        if (p.amendment() == Amendment.NEW_EXAMPLE_23) {
            answers.put("35a", "PROM-mätningen 2020 visade långa väntetider till återbesök. Kliniken införde "
                    + "sjuksköterskeledda uppföljningsbesök (" + p.unitId() + ").");
        }
        Response response = given().baseUri(suite.url(Service.SURVEY)).auth().oauth2(tokens.region(p.region()))
                .contentType(ContentType.JSON).body(Map.of("expectedRevision", 1, "answers", answers))
                .post("/api/submissions/{id}/amendments", p.submissionId());
        record("amendment", p, response, Set.of("201"));
    }

    void override(Plan p) {
        switch (p.overriding()) {
            case KEEP_3 -> expectInForce(p, 3, setOverride(p, 3, "NOT_MET"));
            case KEEP_23 -> expectInForce(p, 23, setOverride(p, 23, "NOT_MET"));
            case WITHDRAW_17 -> {
                SetOverride set = setOverride(p, 17, "NOT_MET");
                if (set != null) {
                    Response response = given().baseUri(suite.url(Service.ASSESSMENT))
                            .auth().oauth2(tokens.user("assessor")).contentType(ContentType.JSON)
                            .body(Map.of("reason", "Besöket omprövat"))
                            .post("/api/overrides/{id}/withdrawal", set.id());
                    if ("200".equals(record("withdrawal", p, response, Set.of("200")))) {
                        ended.add(set.id());
                        withdrawn.increment();
                    }
                }
            }
            case REPLACE_5 -> {
                SetOverride first = setOverride(p, 5, "NOT_MET");
                SetOverride second = setOverride(p, 5, "MET");
                if (first != null && second != null) {
                    ended.add(first.id());
                    replaced.increment();
                }
                expectInForce(p, 5, second);
            }
            case NONE -> throw new IllegalStateException("no override planned for " + p.unitId());
        }
    }

    private SetOverride setOverride(Plan p, int level, String outcome) {
        Response response = given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user("assessor"))
                .contentType(ContentType.JSON)
                .body(Map.of("unitId", p.unitId(), "campaignId", campaign, "level", level, "outcome", outcome,
                        "reason", "Platsbesök i ConcurrentWorkIT",
                        "visitedOn", LocalDate.now().minusDays(3).toString()))
                .post("/api/overrides");
        if (!"201".equals(record("override", p, response, Set.of("201")))) {
            return null;
        }
        overridesSet.increment();
        return new SetOverride(response.path("override.id"), response.path("override.outcome"));
    }

    private void expectInForce(Plan p, int level, SetOverride override) {
        if (override != null) {
            inForce.computeIfAbsent(p.unitId(), u -> new ConcurrentHashMap<>()).put(level, override);
        }
    }

    /** Publishes the rule set in force for alf-usve 2021 again; returns the answer's body. */
    Response publishActiveRuleSet() {
        String version = given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user("admin"))
                .get("/api/rule-sets").then().statusCode(200).extract().jsonPath().getString(
                        "find { it.active && it.questionnaireKey == 'alf-usve' && it.questionnaireVersion == '2021' }"
                                + ".version");
        if (version == null) {
            throw new IllegalStateException("No rule set in force for alf-usve 2021");
        }
        Response response = given().baseUri(suite.url(Service.ASSESSMENT)).auth().oauth2(tokens.user("admin"))
                .post("/api/rule-sets/{version}/publish", version);
        record("publish", null, response, Set.of("200"));
        return response;
    }

    /** Counts the answer as {@code what status [code]} and notes it if it is not one of {@code allowed}. */
    private String record(String what, Plan p, Response response, Set<String> allowed) {
        String answer = String.valueOf(response.statusCode());
        if (response.statusCode() >= 400) {
            String contentType = response.contentType();
            answer += " " + (contentType != null && contentType.startsWith("application/problem+json")
                    ? response.path("code") : "(no problem code)");
        }
        statuses.computeIfAbsent(what + " " + answer, k -> new LongAdder()).increment();
        if (!allowed.contains(answer)) {
            unexpected.add(what + (p == null ? "" : " on " + p.unitId()) + ": " + answer + " " + response.asString());
        }
        return answer;
    }

    // ---- what was answered ----

    /** Answers by {@code what status [code]}, sorted. */
    Map<String, Long> statuses() {
        Map<String, Long> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    long count(String what) {
        return statuses().entrySet().stream().filter(e -> e.getKey().startsWith(what + " "))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Answers outside the allowed ones, with the unit and the body. */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    String decidedItem(Plan p, int level) {
        return decidedItems.getOrDefault(p.unitId(), Map.of()).get(level);
    }

    String decisionAnswer(Plan p, int level) {
        return decisionAnswers.getOrDefault(p.unitId(), Map.of()).get(level);
    }

    /** level → the override of the unit that must be in force. */
    Map<Integer, SetOverride> inForce(Plan p) {
        return inForce.getOrDefault(p.unitId(), Map.of());
    }

    Set<String> inForceIds() {
        Set<String> ids = new HashSet<>();
        inForce.values().forEach(levels -> levels.values().forEach(o -> ids.add(o.id())));
        return ids;
    }

    /** The overrides withdrawn or replaced. */
    Set<String> ended() {
        return Set.copyOf(ended);
    }

    long overridesSet() {
        return overridesSet.sum();
    }

    long withdrawn() {
        return withdrawn.sum();
    }

    long replaced() {
        return replaced.sum();
    }
}
