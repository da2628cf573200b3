package se.alfmonitor.e2e;

import static se.alfmonitor.e2e.HostileCase.Caller.ADMIN;
import static se.alfmonitor.e2e.HostileCase.Caller.ASSESSOR;
import static se.alfmonitor.e2e.HostileCase.Caller.MONITOR;
import static se.alfmonitor.e2e.HostileCase.Caller.NONE;
import static se.alfmonitor.e2e.HostileCase.Caller.REPORTER_01;
import static se.alfmonitor.e2e.HostileCase.Caller.VIEWER;
import static se.alfmonitor.e2e.HostileCase.named;
import static se.alfmonitor.e2e.HostileCorpus.JSON;
import static se.alfmonitor.e2e.HostileCorpus.TRAVERSAL;
import static se.alfmonitor.e2e.HostileCorpus.nested;
import static se.alfmonitor.e2e.HostileCorpus.padded;
import static se.alfmonitor.e2e.HostileCorpus.withBytes;
import static se.alfmonitor.e2e.Suite.Service.ASSESSMENT;

import java.util.List;

/**
 * The hostile corpus of assessment-service's write endpoints other than review decisions and publishing (which
 * {@link HostileCorpus} holds): site-visit overrides and their withdrawal, rule-set drafts, simulations and the
 * consistency repair. The fixtures {@code {unit}}, {@code {override}}, {@code {ruleDraft}} and {@code {ruleDraftBody}}
 * are made by {@link HostileInputIT}.
 */
final class AssessmentHostileCases {

    private static final String OVERRIDE = "{\"unitId\": \"{unit}\", \"campaignId\": \"alf-2018-2021\", "
            + "\"level\": 2, \"outcome\": \"NOT_MET\", \"reason\": \"Platsbesök\"}";

    private AssessmentHostileCases() {
    }

    static void add(List<HostileCase> c) {
        overrides(c);
        withdrawals(c);
        ruleSetDrafts(c);
        simulations(c);
        repair(c);
    }

    private static void overrides(List<HostileCase> c) {
        c.add(override("malformed JSON").json("{\"unitId\": \"{unit}\"").expect(400, "MALFORMED_JSON"));
        c.add(override("empty body").raw(JSON, f -> new byte[0]).expect(422, "VALIDATION_FAILED",
                "REQUIRED_MISSING"));
        c.add(override("every field missing").json("{}").expect(422, "VALIDATION_FAILED", "REQUIRED_MISSING"));
        c.add(override("outcome MAYBE").json(OVERRIDE.replace("NOT_MET", "MAYBE")).expect(422, "VALIDATION_FAILED",
                "INVALID_OPTION"));
        c.add(override("outcome NOT_APPLICABLE").json(OVERRIDE.replace("NOT_MET", "NOT_APPLICABLE")).expect(422,
                "VALIDATION_FAILED", "INVALID_OPTION"));
        c.add(override("level 28").json(OVERRIDE.replace("\"level\": 2", "\"level\": 28")).expect(422,
                "VALIDATION_FAILED", "INVALID_OPTION"));
        c.add(override("level 2^64").json(OVERRIDE.replace("\"level\": 2", "\"level\": "
                + HostileCorpus.TWO_POW_64)).expect(400, "WRONG_TYPE"));
        c.add(override("level as text").json(OVERRIDE.replace("\"level\": 2", "\"level\": \"två\"")).expect(400,
                "WRONG_TYPE"));
        c.add(override("visit in the future").json(withVisit("2999-01-01"))
                .expect(422, "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(override("visit not a date").json(withVisit("igår")).expect(422,
                "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(override("reason of 4001 characters").json(OVERRIDE.replace("Platsbesök", "r".repeat(4001)))
                .expect(422, "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(override("NUL character in the reason").json(OVERRIDE.replace("Platsbesök", "Plats\\u0000besök"))
                .expect(422, "VALIDATION_FAILED", "INVALID_CHARACTER"));
        c.add(override("NUL character in the unit id").json(OVERRIDE.replace("{unit}", "{unit}\\u0000"))
                .expect(422, "VALIDATION_FAILED", "INVALID_CHARACTER"));
        c.add(override("NUL character in the campaign").json(OVERRIDE.replace("alf-2018-2021", "alf\\u0000"))
                .expect(422, "VALIDATION_FAILED", "INVALID_CHARACTER"));
        c.add(override("unit of 10,000 characters").json(OVERRIDE.replace("{unit}", "u".repeat(10_000)))
                .expect(422, "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(override("unknown unit").json(OVERRIDE.replace("{unit}", "01-NO-SUCH-UNIT")).expect(404,
                "ASSESSMENT_NOT_FOUND"));
        c.add(override("SQL in the unit id").json(OVERRIDE.replace("{unit}", "x' or '1'='1")).expect(404,
                "ASSESSMENT_NOT_FOUND"));
        c.add(override("deep nesting").json("{\"reason\": " + nested(10_000) + "}").expect(400, "WRONG_TYPE"));
        c.add(override("10 MB reason").raw(JSON, f -> padded(f.fill(OVERRIDE.substring(0, OVERRIDE.indexOf(
                "Platsbesök"))), "\"}")).expect(413, "PAYLOAD_TOO_LARGE"));
        c.add(override("invalid UTF-8").raw(JSON, f -> withBytes(f.fill(OVERRIDE.substring(0,
                OVERRIDE.indexOf("Platsbesök"))), new byte[] { (byte) 0xFF }, "\"}")).expect(400, "MALFORMED_JSON"));
        c.add(override("wrong content type").raw("text/plain", f -> f.fill(OVERRIDE).getBytes()).expect(415,
                "UNSUPPORTED_MEDIA_TYPE"));
        c.add(named("override: by an admin").call(ASSESSMENT, "POST", "/api/overrides", ADMIN).json(OVERRIDE)
                .expect(403, "FORBIDDEN"));
        c.add(named("override: by a reporter").call(ASSESSMENT, "POST", "/api/overrides", REPORTER_01)
                .json(OVERRIDE).expect(403, "FORBIDDEN"));
        c.add(named("override: no token").call(ASSESSMENT, "POST", "/api/overrides", NONE).json(OVERRIDE)
                .expect(401, "UNAUTHENTICATED"));
    }

    /** The override body with a visit date, written into the JSON as it is. */
    private static String withVisit(String date) {
        return OVERRIDE.substring(0, OVERRIDE.length() - 1) + ", \"visitedOn\": \"" + date + "\"}";
    }

    private static HostileCase.Builder override(String name) {
        return named("override: " + name).call(ASSESSMENT, "POST", "/api/overrides", ASSESSOR);
    }

    private static void withdrawals(List<HostileCase> c) {
        c.add(withdrawal("reason missing", "{override}").json("{}").expect(422, "VALIDATION_FAILED",
                "REQUIRED_MISSING"));
        c.add(withdrawal("blank reason", "{override}").json("{\"reason\": \" \"}").expect(422, "VALIDATION_FAILED",
                "REQUIRED_MISSING"));
        c.add(withdrawal("NUL character in the reason", "{override}").json("{\"reason\": \"a\\u0000\"}")
                .expect(422, "VALIDATION_FAILED", "INVALID_CHARACTER"));
        c.add(withdrawal("reason of 4001 characters", "{override}").json("{\"reason\": \"" + "r".repeat(4001)
                + "\"}").expect(422, "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(withdrawal("malformed JSON", "{override}").json("{\"reason\": ").expect(400, "MALFORMED_JSON"));
        c.add(withdrawal("unknown override", "{new}").json("{\"reason\": \"x\"}").expect(404,
                "OVERRIDE_NOT_FOUND"));
        c.add(withdrawal("id not a UUID", "not-a-uuid").json("{\"reason\": \"x\"}").expect(404, "NOT_FOUND"));
        c.add(withdrawal("path traversal id", TRAVERSAL).json("{\"reason\": \"x\"}").expect(404, "NOT_FOUND"));
        c.add(named("withdrawal: by a monitor").call(ASSESSMENT, "POST", "/api/overrides/{override}/withdrawal",
                MONITOR).json("{\"reason\": \"x\"}").expect(403, "FORBIDDEN"));
    }

    private static HostileCase.Builder withdrawal(String name, String id) {
        return named("withdrawal: " + name).call(ASSESSMENT, "POST", "/api/overrides/" + id + "/withdrawal",
                ASSESSOR);
    }

    private static void ruleSetDrafts(List<HostileCase> c) {
        c.add(upload("malformed JSON").json("{\"version\": ").expect(400, "MALFORMED_JSON"));
        c.add(upload("an array").json("[]").expect(400, "RULE_SET_INVALID", "WRONG_TYPE"));
        c.add(upload("empty body").raw(JSON, f -> new byte[0]).expect(400, "RULE_SET_INVALID", "REQUIRED_MISSING"));
        c.add(upload("another version in the body").json("{ruleDraftOther}").expect(400, "RULE_SET_INVALID", "VERSION_MISMATCH"));
        c.add(upload("broken CEL").json("{ruleDraftBrokenCel}").expect(400, "RULE_SET_INVALID",
                "EXPRESSION_INVALID"));
        c.add(upload("level missing").json("{ruleDraftLevelMissing}").expect(400, "RULE_SET_INVALID",
                "LEVEL_MISSING"));
        c.add(upload("5 MB rule set").raw(JSON, f -> ("{\"version\": \"" + f.fill("{ruleDraft}")
                + "\", \"descriptionEn\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes()).expect(413,
                        "RULE_SET_TOO_LARGE"));
        c.add(upload("10 MB body").raw(JSON, f -> padded("{\"version\": \"", "\"}")).expect(413,
                "PAYLOAD_TOO_LARGE"));
        c.add(upload("invalid UTF-8").raw(JSON, f -> withBytes("{\"version\": \"", new byte[] { (byte) 0xC0 },
                "\"}")).expect(400, "MALFORMED_JSON"));
        c.add(upload("wrong content type").raw("application/yaml", f -> "version: x".getBytes()).expect(415,
                "UNSUPPORTED_MEDIA_TYPE"));
        c.add(named("rule set upload: a published version").call(ASSESSMENT, "PUT", "/api/rule-sets/2021.1", ADMIN)
                .json("{ruleSetPublished}").expect(409, "RULE_SET_IMMUTABLE"));
        c.add(named("rule set upload: by an assessor").call(ASSESSMENT, "PUT", "/api/rule-sets/{ruleDraft}",
                ASSESSOR).json("{ruleDraftBody}").expect(403, "FORBIDDEN"));
        c.add(named("rule set upload: NUL in the version").call(ASSESSMENT, "PUT", "/api/rule-sets/x%00", ADMIN)
                .json("{ruleDraftBody}").expect(400, "INVALID_CHARACTER"));
        c.add(named("rule set delete: a published version").call(ASSESSMENT, "DELETE", "/api/rule-sets/2021.1",
                ADMIN).expect(409, "RULE_SET_IMMUTABLE"));
        c.add(named("rule set delete: unknown version").call(ASSESSMENT, "DELETE", "/api/rule-sets/1999.9", ADMIN)
                .expect(404, "RULE_SET_NOT_FOUND"));
        c.add(named("rule set delete: path traversal").call(ASSESSMENT, "DELETE", "/api/rule-sets/" + TRAVERSAL,
                ADMIN).expect(404, "RULE_SET_NOT_FOUND"));
        c.add(named("rule set delete: by a monitor").call(ASSESSMENT, "DELETE", "/api/rule-sets/{ruleDraft}",
                MONITOR).expect(403, "FORBIDDEN"));
    }

    private static HostileCase.Builder upload(String name) {
        return named("rule set upload: " + name).call(ASSESSMENT, "PUT", "/api/rule-sets/{ruleDraft}", ADMIN);
    }

    private static void simulations(List<HostileCase> c) {
        c.add(simulation("campaign missing").json("{}").expect(422, "VALIDATION_FAILED", "REQUIRED_MISSING"));
        c.add(simulation("blank campaign").json("{\"campaignId\": \"  \"}").expect(422, "VALIDATION_FAILED",
                "REQUIRED_MISSING"));
        c.add(simulation("NUL character in the campaign").json("{\"campaignId\": \"alf\\u0000\"}").expect(422,
                "VALIDATION_FAILED", "INVALID_CHARACTER"));
        c.add(simulation("campaign of 10,000 characters").json("{\"campaignId\": \"" + "c".repeat(10_000) + "\"}")
                .expect(422, "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(simulation("campaign is an array").json("{\"campaignId\": [\"alf-2018-2021\"]}").expect(400,
                "WRONG_TYPE"));
        c.add(simulation("malformed JSON").json("{\"campaignId\": ").expect(400, "MALFORMED_JSON"));
        c.add(simulation("10 MB body").raw(JSON, f -> padded("{\"campaignId\": \"", "\"}")).expect(413,
                "PAYLOAD_TOO_LARGE"));
        c.add(named("simulation: unknown candidate").call(ASSESSMENT, "POST", "/api/rule-sets/1999.9/simulations",
                ASSESSOR).json("{\"campaignId\": \"alf-2018-2021\"}").expect(404, "RULE_SET_NOT_FOUND"));
        c.add(named("simulation: by a viewer").call(ASSESSMENT, "POST", "/api/rule-sets/{ruleDraft}/simulations",
                VIEWER).json("{\"campaignId\": \"alf-2018-2021\"}").expect(403, "FORBIDDEN"));
        c.add(named("simulation: by a reporter").call(ASSESSMENT, "POST", "/api/rule-sets/{ruleDraft}/simulations",
                REPORTER_01).json("{\"campaignId\": \"alf-2018-2021\"}").expect(403, "FORBIDDEN"));
        c.add(named("simulation delete: unknown id").call(ASSESSMENT, "DELETE",
                "/api/rule-sets/{ruleDraft}/simulations/{new}", ADMIN).expect(404, "SIMULATION_NOT_FOUND"));
        c.add(named("simulation delete: id not a UUID").call(ASSESSMENT, "DELETE",
                "/api/rule-sets/{ruleDraft}/simulations/1%20or%201=1", ADMIN).expect(404, "NOT_FOUND"));
        c.add(named("simulation delete: by an assessor").call(ASSESSMENT, "DELETE",
                "/api/rule-sets/{ruleDraft}/simulations/{new}", ASSESSOR).expect(403, "FORBIDDEN"));
    }

    private static HostileCase.Builder simulation(String name) {
        return named("simulation: " + name).call(ASSESSMENT, "POST", "/api/rule-sets/{ruleDraft}/simulations",
                ASSESSOR);
    }

    private static void repair(List<HostileCase> c) {
        c.add(named("consistency repair: by a monitor").call(ASSESSMENT, "POST", "/api/admin/consistency/repair",
                MONITOR).expect(403, "FORBIDDEN"));
        c.add(named("consistency repair: no token").call(ASSESSMENT, "POST", "/api/admin/consistency/repair", NONE)
                .expect(401, "UNAUTHENTICATED"));
        c.add(named("consistency repair: 10 MB body").call(ASSESSMENT, "POST", "/api/admin/consistency/repair",
                ADMIN).raw(JSON, f -> padded("\"", "\"")).expect(413, "PAYLOAD_TOO_LARGE"));
        c.add(named("consistency repair: GET").call(ASSESSMENT, "GET", "/api/admin/consistency/repair", ADMIN)
                .expect(405, "METHOD_NOT_ALLOWED"));
    }
}
