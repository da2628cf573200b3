package se.alfmonitor.e2e;

import static se.alfmonitor.e2e.HostileCase.Caller.ADMIN;
import static se.alfmonitor.e2e.HostileCase.Caller.ASSESSOR;
import static se.alfmonitor.e2e.HostileCase.Caller.MONITOR;
import static se.alfmonitor.e2e.HostileCase.Caller.NONE;
import static se.alfmonitor.e2e.HostileCase.Caller.REPORTER_01;
import static se.alfmonitor.e2e.HostileCase.Caller.VIEWER;
import static se.alfmonitor.e2e.HostileCase.named;
import static se.alfmonitor.e2e.Suite.Service.ASSESSMENT;
import static se.alfmonitor.e2e.Suite.Service.INDICATOR;
import static se.alfmonitor.e2e.Suite.Service.REPORTING;
import static se.alfmonitor.e2e.Suite.Service.SURVEY;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;


/**
 * The hostile input corpus: every write endpoint of the four services against malformed and hostile bodies, wrong
 * types, unknown items and options, huge numbers, oversized and deeply nested bodies, invalid UTF-8, NUL characters,
 * spreadsheet formulas, wrong campaigns and states, replayed ids, wrong content types, path traversal and overlong
 * strings. Each case names the answer it must get.
 */
final class HostileCorpus {

    static final String CAMPAIGN = "alf-2018-2021";
    static final String JSON = "application/json";
    static final String CSV_HEADER = "submissionId,campaignId,unitId,itemId,value,submit\n";
    /** Larger than every service's 8 MB body limit. */
    static final int TEN_MB = 10 * 1024 * 1024;
    static final String LONG_MAX_PLUS_ONE = "9223372036854775808";
    static final String TWO_POW_64 = "18446744073709551616";
    static final String CALC = "=cmd|' /C calc'!A0";
    static final String TRAVERSAL = "..%2F..%2F..%2Fetc%2Fpasswd";
    static final String TRAVERSAL_DOTS = "%2e%2e%2f%2e%2e%2fetc%2fpasswd";

    private HostileCorpus() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        drafts(cases);
        submits(cases);
        amendments(cases);
        returns(cases);
        validations(cases);
        jsonImports(cases);
        csvImports(cases);
        units(cases);
        campaigns(cases);
        decisions(cases);
        ruleSets(cases);
        AssessmentHostileCases.add(cases);
        referenceJson(cases);
        referenceCsv(cases);
        actions(cases);
        return cases;
    }

    // ---------------------------------------------------------------- survey-service: drafts

    private static void drafts(List<HostileCase> c) {
        String path = "/api/submissions/{draft}";
        c.add(draft("malformed: cut off").json("{\"campaignId\": \"alf-2018-2021\", \"unitId\":")
                .expect(400, "MALFORMED_JSON"));
        c.add(draft("malformed: single quotes").json("{'campaignId': 'alf-2018-2021'}").expect(400,
                "MALFORMED_JSON"));
        c.add(draft("malformed: trailing comma").json(draftJson("{\"3\": \"WHOLE_PERIOD\",}"))
                .expect(400, "MALFORMED_JSON"));
        c.add(draft("malformed: trailing garbage after a valid body").json(draftJson("{\"3\": \"NEJ\"}") + " ]")
                .expect(400, "MALFORMED_JSON"));
        c.add(draft("malformed: two documents").json(draftJson("{\"3\": \"NEJ\"}") + draftJson("{}"))
                .expect(400, "MALFORMED_JSON"));
        c.add(draft("malformed: NaN literal").json(draftJson("{\"experiencedSupervisors\": NaN}"))
                .expect(400, "MALFORMED_JSON"));
        c.add(draft("malformed: comment").json("/* x */" + draftJson("{}")).expect(400, "MALFORMED_JSON"));
        c.add(draft("malformed: raw control character in a string").json(draftJson(
                "{\"explanation4a\": \"a\u0001b\"}")).expect(400, "MALFORMED_JSON"));
        c.add(draft("duplicate key in answers").json(draftJson("{\"3\": \"WHOLE_PERIOD\", \"3\": \"NEJ\"}"))
                .expect(400, "MALFORMED_JSON"));
        c.add(draft("duplicate top-level key").json("{\"campaignId\": \"alf-2018-2021\", \"campaignId\": "
                + "\"research-2021\", \"unitId\": \"{draftUnit}\", \"answers\": {}}").expect(400, "MALFORMED_JSON"));
        c.add(draft("body is an array").json("[]").expect(400, "MALFORMED_JSON"));
        c.add(draft("body is a string").json("\"draft\"").expect(400, "MALFORMED_JSON"));
        c.add(draft("campaignId is an object").json("{\"campaignId\": {}, \"unitId\": \"{draftUnit}\", "
                + "\"answers\": {}}").expect(400, "WRONG_TYPE"));
        c.add(draft("unitId is an array").json("{\"campaignId\": \"alf-2018-2021\", \"unitId\": [\"a\"], "
                + "\"answers\": {}}").expect(400, "WRONG_TYPE"));
        c.add(draft("answers is a string").json(draftJson("\"everything fine\"")).expect(422, "VALIDATION_FAILED",
                "WRONG_TYPE"));
        c.add(draft("answers is an array").json(draftJson("[\"3\"]")).expect(422, "VALIDATION_FAILED",
                "WRONG_TYPE"));
        c.add(draft("answers missing").json("{\"campaignId\": \"alf-2018-2021\", \"unitId\": \"{draftUnit}\"}")
                .expect(422, "VALIDATION_FAILED", "REQUIRED_MISSING"));
        c.add(draft("unknown item").json(draftJson("{\"99z\": \"JA\"}")).expect(422, "VALIDATION_FAILED",
                "UNKNOWN_ITEM"));
        c.add(draft("unknown item with a script name").json(draftJson("{\"<script>alert(1)</script>\": 1}"))
                .expect(422, "VALIDATION_FAILED", "UNKNOWN_ITEM"));
        c.add(draft("group answered").json(draftJson("{\"13b\": \"JA\"}")).expect(422, "VALIDATION_FAILED",
                "GROUP_NOT_ANSWERABLE"));
        c.add(draft("unknown option").json(draftJson("{\"3\": \"MAYBE\"}")).expect(422, "VALIDATION_FAILED",
                "INVALID_OPTION"));
        c.add(draft("option in the wrong case").json(draftJson("{\"3\": \"whole_period\"}")).expect(422,
                "VALIDATION_FAILED", "INVALID_OPTION"));
        c.add(draft("unknown option in multi choice").json(draftJson("{\"14a\": [\"NATIONAL_STUDIES\", \"X\"]}"))
                .expect(422, "VALIDATION_FAILED", "INVALID_OPTION"));
        c.add(draft("duplicate option in multi choice").json(draftJson(
                "{\"14a\": [\"NATIONAL_STUDIES\", \"NATIONAL_STUDIES\"]}")).expect(422, "VALIDATION_FAILED",
                        "DUPLICATE_OPTION"));
        c.add(draft("option as a number").json(draftJson("{\"3\": 1}")).expect(422, "VALIDATION_FAILED",
                "WRONG_TYPE"));
        c.add(draft("integer as a string").json(draftJson("{\"experiencedSupervisors\": \"4\"}")).expect(422,
                "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(draft("integer as a fraction").json(draftJson("{\"experiencedSupervisors\": 4.5}")).expect(422,
                "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(draft("huge number 1e400").json(draftJson("{\"experiencedSupervisors\": 1e400}")).expect(422,
                "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(draft("huge number -1e400").json(draftJson("{\"experiencedSupervisors\": -1e400}")).expect(422,
                "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(draft("Long.MAX + 1").json(draftJson("{\"experiencedSupervisors\": " + LONG_MAX_PLUS_ONE + "}"))
                .expect(422, "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(draft("2^64 in a year").json(draftJson("{\"15\": {\"2019\": " + TWO_POW_64 + "}}")).expect(422,
                "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(draft("negative count").json(draftJson("{\"experiencedSupervisors\": -1}")).expect(422,
                "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(draft("a 400-digit integer").json(draftJson("{\"experiencedSupervisors\": 1" + "0".repeat(400) + "}"))
                .expect(422, "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(draft("unknown year").json(draftJson("{\"15\": {\"1999\": 3}}")).expect(422, "VALIDATION_FAILED",
                "UNKNOWN_YEAR"));
        c.add(draft("unknown table column").json(draftJson("{\"staffComposition\": [{\"evil\": 1}]}"))
                .expect(422, "VALIDATION_FAILED", "UNKNOWN_COLUMN"));
        c.add(draft("too many table rows").json(draftJson("{\"staffComposition\": ["
                + "{\"s1\": 1},".repeat(12) + "{\"s1\": 1}]}")).expect(422, "VALIDATION_FAILED", "TOO_MANY_ROWS"));
        c.add(draft("table row is a number").json(draftJson("{\"staffComposition\": [1]}")).expect(422,
                "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(draft("text of 4001 characters").json(draftJson("{\"explanation4a\": \"" + "x".repeat(4001) + "\"}"))
                .expect(422, "VALIDATION_FAILED", "TOO_LONG"));
        c.add(draft("text of 1 MB").json(draftJson("{\"explanation4a\": \"" + "å".repeat(1 << 20) + "\"}"))
                .expect(422, "VALIDATION_FAILED", "TOO_LONG"));
        c.add(draft("NUL character in text").json(draftJson("{\"explanation4a\": \"före\\u0000efter\"}"))
                .expect(422, "VALIDATION_FAILED", "INVALID_CHARACTER"));
        c.add(draft("NUL character in an option").json(draftJson("{\"3\": \"WHOLE_PERIOD\\u0000\"}"))
                .expect(422, "VALIDATION_FAILED", "INVALID_OPTION"));
        c.add(draft("NUL character in an item id").json(draftJson("{\"3\\u0000\": \"WHOLE_PERIOD\"}"))
                .expect(422, "VALIDATION_FAILED", "UNKNOWN_ITEM"));
        c.add(draft("NUL character in the campaign id").json("{\"campaignId\": \"alf-2018-2021\\u0000\", "
                + "\"unitId\": \"{draftUnit}\", \"answers\": {}}").expect(409, "SUBMISSION_ID_CONFLICT"));
        c.add(draft("deep nesting: 10,000 arrays").json(draftJson("{\"3\": " + nested(10_000) + "}"))
                .expect(400, "MALFORMED_JSON"));
        c.add(draft("deep nesting: 10,000 objects").json(draftJson(nestedObjects(10_000)))
                .expect(400, "MALFORMED_JSON"));
        c.add(draft("10 MB body").raw(JSON, f -> bigDraft(f)).expect(413, "PAYLOAD_TOO_LARGE"));
        c.add(draft("invalid UTF-8: 0xFF byte").raw(JSON, f -> withBytes(f.fill(draftJson(
                "{\"explanation4a\": \"a")), new byte[] { (byte) 0xFF }, "\"}}"))
                .expect(400, "MALFORMED_JSON"));
        c.add(draft("invalid UTF-8: overlong slash").raw(JSON, f -> withBytes(f.fill(draftJson(
                "{\"explanation4a\": \"a")), new byte[] { (byte) 0xC0, (byte) 0xAF }, "\"}}"))
                .expect(400, "MALFORMED_JSON"));
        c.add(draft("invalid UTF-8: lone continuation byte").raw(JSON, f -> withBytes(f.fill(draftJson(
                "{\"explanation4a\": \"a")), new byte[] { (byte) 0x80 }, "\"}}"))
                .expect(400, "MALFORMED_JSON"));
        c.add(draft("invalid UTF-8: truncated sequence").raw(JSON, f -> withBytes(f.fill(draftJson(
                "{\"explanation4a\": \"a")), new byte[] { (byte) 0xE2, (byte) 0x82 }, "\"}}"))
                .expect(400, "MALFORMED_JSON"));
        c.add(draft("UTF-16 body declared as JSON").raw(JSON, f -> f.fill(draftJson("{}"))
                .getBytes(StandardCharsets.UTF_16LE)).expect(400, "MALFORMED_JSON"));
        c.add(draft("empty body").raw(JSON, f -> new byte[0]).expect(422, "VALIDATION_FAILED",
                "REQUIRED_MISSING"));
        c.add(draft("whitespace body").json("   \n ").expect(422, "VALIDATION_FAILED", "REQUIRED_MISSING"));
        c.add(draft("JSON null").json("null").expect(422, "VALIDATION_FAILED", "REQUIRED_MISSING"));
        c.add(draft("content type text/plain").json(draftJson("{}")).contentType("text/plain")
                .expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        c.add(draft("content type application/xml").raw("application/xml", f -> "<draft/>".getBytes())
                .expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        c.add(draft("content type text/csv").csv(CSV_HEADER).expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        c.add(draft("form-encoded body").raw("application/x-www-form-urlencoded",
                f -> "campaignId=alf-2018-2021".getBytes()).expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        c.add(draft("no content type").raw(null, f -> f.fill(draftJson("{}")).getBytes())
                .expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        c.add(draft("unknown campaign").json("{\"campaignId\": \"alf-1999\", \"unitId\": \"{draftUnit}\", "
                + "\"answers\": {}}").expect(409, "SUBMISSION_ID_CONFLICT"));
        c.add(named("draft: unknown campaign, new id").call(SURVEY, "PUT", "/api/submissions/{new}", REPORTER_01)
                .json("{\"campaignId\": \"alf-1999\", \"unitId\": \"{spareUnit}\", \"answers\": {}}")
                .expect(422, "VALIDATION_FAILED", "UNKNOWN_CAMPAIGN"));
        c.add(named("draft: overlong campaign id, new id").call(SURVEY, "PUT", "/api/submissions/{new}",
                REPORTER_01).json("{\"campaignId\": \"" + "c".repeat(100_000) + "\", \"unitId\": \"{spareUnit}\", "
                        + "\"answers\": {}}").expect(422, "VALIDATION_FAILED", "UNKNOWN_CAMPAIGN"));
        c.add(named("draft: overlong unit id, new id").call(SURVEY, "PUT", "/api/submissions/{new}", REPORTER_01)
                .json("{\"campaignId\": \"alf-2018-2021\", \"unitId\": \"" + "u".repeat(100_000) + "\", "
                        + "\"answers\": {}}").expect(422, "VALIDATION_FAILED", "UNKNOWN_UNIT"));
        c.add(named("draft: NUL in the unit id, new id").call(SURVEY, "PUT", "/api/submissions/{new}", REPORTER_01)
                .json("{\"campaignId\": \"alf-2018-2021\", \"unitId\": \"{spareUnit}\\u0000\", \"answers\": {}}")
                .expect(422, "VALIDATION_FAILED", "INVALID_CHARACTER"));
        c.add(named("draft: NUL in the campaign id, new id").call(SURVEY, "PUT", "/api/submissions/{new}",
                REPORTER_01).json("{\"campaignId\": \"\\u0000\", \"unitId\": \"{spareUnit}\", \"answers\": {}}")
                .expect(422, "VALIDATION_FAILED", "INVALID_CHARACTER"));
        c.add(named("draft: region-level campaign for a unit").call(SURVEY, "PUT", "/api/submissions/{new}",
                REPORTER_01).json("{\"campaignId\": \"research-2021\", \"unitId\": \"{spareUnit}\", "
                        + "\"answers\": {}}").expect(422, "VALIDATION_FAILED", "WRONG_QUESTIONNAIRE_LEVEL"));
        c.add(named("draft: unknown REGION- pseudo unit").call(SURVEY, "PUT", "/api/submissions/{new}",
                REPORTER_01).json("{\"campaignId\": \"research-2021\", \"unitId\": \"REGION-99\", \"answers\": {}}")
                .expect(422, "VALIDATION_FAILED", "UNKNOWN_UNIT"));
        c.add(named("draft: locked campaign").call(SURVEY, "PUT", "/api/submissions/{new}", REPORTER_01)
                .json("{\"campaignId\": \"{lockedCampaign}\", \"unitId\": \"{spareUnit}\", \"answers\": {}}")
                .expect(409, "SUBMISSION_LOCKED"));
        c.add(named("draft: closed campaign").call(SURVEY, "PUT", "/api/submissions/{new}", REPORTER_01)
                .json("{\"campaignId\": \"{closedCampaign}\", \"unitId\": \"{spareUnit}\", \"answers\": {}}")
                .expect(409, "CAMPAIGN_CLOSED"));
        c.add(named("draft: locked submission").call(SURVEY, "PUT", "/api/submissions/{lockedSub}", REPORTER_01)
                .json("{\"campaignId\": \"{lockedCampaign}\", \"unitId\": \"{lockedUnit}\", \"answers\": {}}")
                .expect(409, "SUBMISSION_LOCKED"));
        c.add(named("draft: second submission for a unit").call(SURVEY, "PUT", "/api/submissions/{new}",
                REPORTER_01).json(draftJson("{}")).expect(409, "SUBMISSION_EXISTS"));
        c.add(named("draft: replayed id of a submitted submission, other unit").call(SURVEY, "PUT",
                "/api/submissions/{sub}", REPORTER_01).header("Idempotency-Key", "{sub}")
                .json("{\"campaignId\": \"alf-2018-2021\", \"unitId\": \"{spareUnit}\", \"answers\": {}}")
                .expect(409, "SUBMISSION_ID_CONFLICT"));
        c.add(named("draft: replayed id of a submitted submission, other content").call(SURVEY, "PUT",
                "/api/submissions/{sub}", REPORTER_01).header("Idempotency-Key", "{sub}")
                .json("{\"campaignId\": \"alf-2018-2021\", \"unitId\": \"{unit}\", \"answers\": {\"3\": \"NEJ\"}}")
                .expect(409, "SUBMISSION_NOT_DRAFT"));
        c.add(named("draft: replayed id, other campaign").call(SURVEY, "PUT", "/api/submissions/{sub}",
                REPORTER_01).json("{\"campaignId\": \"research-2021\", \"unitId\": \"REGION-01\", \"answers\": {}}")
                .expect(409, "SUBMISSION_ID_CONFLICT"));
        c.add(named("draft: unit of another region").call(SURVEY, "PUT", "/api/submissions/{new}", REPORTER_01)
                .json("{\"campaignId\": \"alf-2018-2021\", \"unitId\": \"{otherUnit}\", \"answers\": {}}")
                .expect(403, "OTHER_REGION"));
        c.add(named("draft: path traversal id").call(SURVEY, "PUT", "/api/submissions/" + TRAVERSAL, REPORTER_01)
                .json(draftJson("{}")).expect(404, "NOT_FOUND"));
        c.add(named("draft: dot-encoded path traversal id").call(SURVEY, "PUT", "/api/submissions/"
                + TRAVERSAL_DOTS, REPORTER_01).json(draftJson("{}")).expect(404, "NOT_FOUND"));
        c.add(named("draft: id not a UUID").call(SURVEY, "PUT", "/api/submissions/1%27%20OR%20%271%27%3D%271",
                REPORTER_01).json(draftJson("{}")).expect(404, "NOT_FOUND"));
        c.add(named("draft: no token").call(SURVEY, "PUT", path, NONE).json(draftJson("{}"))
                .expect(401, "UNAUTHENTICATED"));
        c.add(named("draft: viewer").call(SURVEY, "PUT", path, VIEWER).json(draftJson("{}"))
                .expect(403, "FORBIDDEN"));
    }

    private static HostileCase.Builder draft(String name) {
        return named("draft: " + name).call(SURVEY, "PUT", "/api/submissions/{draft}", REPORTER_01);
    }

    private static String draftJson(String answers) {
        return "{\"campaignId\": \"alf-2018-2021\", \"unitId\": \"{draftUnit}\", \"answers\": " + answers + "}";
    }

    private static byte[] bigDraft(HostileInputIT.Fixture f) {
        return padded(f.fill(draftJson("{\"explanation4a\": \"")), "\"}}");
    }

    // ---------------------------------------------------------------- survey-service: submit

    private static void submits(List<HostileCase> c) {
        c.add(named("submit: incomplete draft").call(SURVEY, "POST", "/api/submissions/{draft}/submit", REPORTER_01)
                .expect(422, "VALIDATION_FAILED", "REQUIRED_MISSING"));
        c.add(named("submit: unknown submission").call(SURVEY, "POST", "/api/submissions/{new}/submit",
                REPORTER_01).expect(404, "SUBMISSION_NOT_FOUND"));
        c.add(named("submit: locked submission").call(SURVEY, "POST", "/api/submissions/{lockedSub}/submit",
                REPORTER_01).expect(409, "SUBMISSION_LOCKED"));
        c.add(named("submit: path traversal id").call(SURVEY, "POST", "/api/submissions/" + TRAVERSAL + "/submit",
                REPORTER_01).expect(404, "NOT_FOUND"));
        c.add(named("submit: overlong id").call(SURVEY, "POST", "/api/submissions/" + "9".repeat(2000) + "/submit",
                REPORTER_01).expect(404, "NOT_FOUND"));
        c.add(named("submit: 10 MB body").call(SURVEY, "POST", "/api/submissions/{draft}/submit", REPORTER_01)
                .raw(JSON, f -> padded("{\"x\": \"", "\"}")).expect(413, "PAYLOAD_TOO_LARGE"));
        c.add(named("submit: by an assessor").call(SURVEY, "POST", "/api/submissions/{draft}/submit", ASSESSOR)
                .expect(403, "FORBIDDEN"));
        c.add(named("submit: GET instead of POST").call(SURVEY, "GET", "/api/submissions/{draft}/submit",
                REPORTER_01).expect(405, "METHOD_NOT_ALLOWED"));
    }

    // ---------------------------------------------------------------- survey-service: amendments

    private static void amendments(List<HostileCase> c) {
        c.add(amend("malformed JSON").json("{\"expectedRevision\": 1, \"answers\": {").expect(400,
                "MALFORMED_JSON"));
        c.add(amend("trailing garbage").body(f -> (f.amendment("3", "\"NEJ\"", "1") + "}").getBytes())
                .expect(400, "MALFORMED_JSON"));
        c.add(amend("answers is a number").json("{\"expectedRevision\": 1, \"answers\": 42}").expect(422,
                "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(amend("answers missing").json("{\"expectedRevision\": 1}").expect(422, "VALIDATION_FAILED",
                "REQUIRED_MISSING"));
        c.add(amend("empty answers").json("{\"expectedRevision\": 1, \"answers\": {}}").expect(422,
                "VALIDATION_FAILED", "REQUIRED_MISSING"));
        c.add(amend("unknown item").body(amendment("99z", "\"JA\"", "1")).expect(422, "VALIDATION_FAILED",
                "UNKNOWN_ITEM"));
        c.add(amend("unknown option").body(amendment("3", "\"SOMETIMES\"", "1")).expect(422, "VALIDATION_FAILED",
                "INVALID_OPTION"));
        c.add(amend("wrong type for a yearly item").body(amendment("15", "[1, 2]", "1")).expect(422,
                "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(amend("huge number 1e400").body(amendment("experiencedSupervisors", "1e400", "1")).expect(422,
                "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(amend("Long.MAX + 1").body(amendment("experiencedSupervisors", LONG_MAX_PLUS_ONE, "1")).expect(422,
                "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(amend("NUL character in text").body(amendment("explanation4a", "\"a\\u0000b\"", "1")).expect(422,
                "VALIDATION_FAILED", "INVALID_CHARACTER"));
        c.add(amend("text of 4001 characters").body(amendment("explanation4a", "\"" + "y".repeat(4001) + "\"",
                "1")).expect(422, "VALIDATION_FAILED", "TOO_LONG"));
        c.add(amend("group answered").body(amendment("3", "\"WHOLE_PERIOD\", \"13b\": \"JA\"", "1"))
                .expect(422, "VALIDATION_FAILED", "GROUP_NOT_ANSWERABLE"));
        c.add(amend("stale expectedRevision").body(amendment("3", "\"NEJ\"", "0")).expect(409,
                "REVISION_CONFLICT"));
        c.add(amend("future expectedRevision").body(amendment("3", "\"NEJ\"", "7")).expect(409,
                "REVISION_CONFLICT"));
        c.add(amend("stale If-Match").header("If-Match", "\"0\"").body(amendment("3", "\"NEJ\"", null))
                .expect(409, "REVISION_CONFLICT"));
        c.add(amend("weak stale If-Match").header("If-Match", "W/\"5\"").body(amendment("3", "\"NEJ\"", null))
                .expect(409, "REVISION_CONFLICT"));
        c.add(amend("If-Match not a revision").header("If-Match", "\"abc\"").body(amendment("3", "\"NEJ\"", null))
                .expect(400, "INVALID_IF_MATCH"));
        c.add(amend("If-Match of Long.MAX + 1").header("If-Match", "\"" + LONG_MAX_PLUS_ONE + "\"")
                .body(amendment("3", "\"NEJ\"", null)).expect(400, "INVALID_IF_MATCH"));
        c.add(amend("expectedRevision is text").body(amendment("3", "\"NEJ\"", "\"one\"")).expect(400,
                "WRONG_TYPE"));
        c.add(amend("expectedRevision 2^63").body(amendment("3", "\"NEJ\"", "9223372036854775808")).expect(400,
                "WRONG_TYPE"));
        c.add(amend("expectedRevision 1e400").body(amendment("3", "\"NEJ\"", "1e400")).expect(400, "WRONG_TYPE"));
        c.add(amend("expectedRevision is an object").body(amendment("3", "\"NEJ\"", "{}")).expect(400,
                "WRONG_TYPE"));
        c.add(amend("deep nesting").json("{\"expectedRevision\": 1, \"answers\": {\"3\": " + nested(10_000) + "}}")
                .expect(400, "MALFORMED_JSON"));
        c.add(amend("10 MB body").raw(JSON, f -> padded("{\"expectedRevision\": 1, \"answers\": {\"explanation4a\""
                + ": \"", "\"}}")).expect(413, "PAYLOAD_TOO_LARGE"));
        c.add(amend("invalid UTF-8").raw(JSON, f -> withBytes("{\"expectedRevision\": 1, \"answers\": {\"3\": \"",
                new byte[] { (byte) 0xFE, (byte) 0xFF }, "\"}}")).expect(400, "MALFORMED_JSON"));
        c.add(amend("wrong content type").json("{}").contentType("text/plain").expect(415,
                "UNSUPPORTED_MEDIA_TYPE"));
        c.add(amend("empty body").raw(JSON, f -> new byte[0]).expect(422, "VALIDATION_FAILED",
                "REQUIRED_MISSING"));
        c.add(named("amend: a draft").call(SURVEY, "POST", "/api/submissions/{draft}/amendments", REPORTER_01)
                .body(amendment("3", "\"NEJ\"", null)).contentType(JSON).expect(409, "SUBMISSION_NOT_SUBMITTED"));
        c.add(named("amend: a locked submission").call(SURVEY, "POST", "/api/submissions/{lockedSub}/amendments",
                REPORTER_01).body(amendment("3", "\"NEJ\"", null)).contentType(JSON)
                .expect(409, "SUBMISSION_LOCKED"));
        c.add(named("amend: unknown submission").call(SURVEY, "POST", "/api/submissions/{new}/amendments",
                REPORTER_01).body(amendment("3", "\"NEJ\"", null)).contentType(JSON)
                .expect(404, "SUBMISSION_NOT_FOUND"));
        c.add(named("amend: path traversal id").call(SURVEY, "POST", "/api/submissions/" + TRAVERSAL
                + "/amendments", REPORTER_01).json("{}").expect(404, "NOT_FOUND"));
        c.add(named("amend: by reporter of another region").call(SURVEY, "POST", "/api/submissions/{sub}/amendments",
                HostileCase.Caller.REPORTER_03).body(amendment("3", "\"NEJ\"", "1")).contentType(JSON)
                .expect(403, "OTHER_REGION"));
    }

    private static HostileCase.Builder amend(String name) {
        return named("amend: " + name).call(SURVEY, "POST", "/api/submissions/{sub}/amendments", REPORTER_01)
                .contentType(JSON);
    }

    private static Function<HostileInputIT.Fixture, byte[]> amendment(String item, String rawValue,
            String expectedRevision) {
        return f -> f.amendment(item, rawValue, expectedRevision).getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- survey-service: return

    private static void returns(List<HostileCase> c) {
        c.add(ret("comment missing").json("{}").expect(400, "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(ret("blank comment").json("{\"comment\": \"   \"}").expect(400, "INVALID_REQUEST",
                "CONSTRAINT_VIOLATION"));
        c.add(ret("comment of 4001 characters").json("{\"comment\": \"" + "k".repeat(4001) + "\"}").expect(400,
                "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(ret("comment with a NUL character").json("{\"comment\": \"ok\\u0000\"}").expect(400,
                "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(ret("comment is an object").json("{\"comment\": {\"text\": \"x\"}}").expect(400, "WRONG_TYPE"));
        c.add(ret("malformed JSON").json("{\"comment\": ").expect(400, "MALFORMED_JSON"));
        c.add(ret("empty body").raw(JSON, f -> new byte[0]).expect(400, "INVALID_REQUEST"));
        c.add(ret("wrong content type").json("{\"comment\": \"x\"}").contentType("text/plain").expect(415,
                "UNSUPPORTED_MEDIA_TYPE"));
        c.add(ret("10 MB comment").raw(JSON, f -> padded("{\"comment\": \"", "\"}")).expect(413,
                "PAYLOAD_TOO_LARGE"));
        // the comment is a string, so the reader refuses the array before it descends into it
        c.add(ret("deep nesting").json("{\"comment\": " + nested(10_000) + "}").expect(400, "WRONG_TYPE"));
        c.add(named("return: a draft").call(SURVEY, "POST", "/api/submissions/{draft}/return", ASSESSOR)
                .json("{\"comment\": \"x\"}").expect(409, "SUBMISSION_NOT_SUBMITTED"));
        c.add(named("return: a locked submission").call(SURVEY, "POST", "/api/submissions/{lockedSub}/return",
                ASSESSOR).json("{\"comment\": \"x\"}").expect(409, "SUBMISSION_LOCKED"));
        c.add(named("return: by a reporter").call(SURVEY, "POST", "/api/submissions/{sub}/return", REPORTER_01)
                .json("{\"comment\": \"x\"}").expect(403, "FORBIDDEN"));
    }

    private static HostileCase.Builder ret(String name) {
        return named("return: " + name).call(SURVEY, "POST", "/api/submissions/{sub}/return", ASSESSOR);
    }

    // ---------------------------------------------------------------- survey-service: validate

    private static void validations(List<HostileCase> c) {
        String complete = "{\"submissionId\": \"{new}\", \"campaignId\": \"%s\", \"unitId\": \"%s\", "
                + "\"answers\": {\"3\": \"WHOLE_PERIOD\"}}";
        c.add(validate("malformed JSON").json("{\"campaignId\"").expect(400, "MALFORMED_JSON"));
        c.add(validate("submissionId not a UUID").json("{\"submissionId\": \"../../etc/passwd\", "
                + "\"campaignId\": \"alf-2018-2021\", \"unitId\": \"{unit}\", \"answers\": {}}")
                .expect(400, "WRONG_TYPE"));
        c.add(validate("unknown item and option at once").json("{\"campaignId\": \"alf-2018-2021\", "
                + "\"unitId\": \"{unit}\", \"answers\": {\"99z\": 1, \"3\": \"MAYBE\"}}")
                .expect(422, "VALIDATION_FAILED", "UNKNOWN_ITEM", "INVALID_OPTION", "REQUIRED_MISSING"));
        c.add(validate("huge numbers").json("{\"campaignId\": \"alf-2018-2021\", \"unitId\": \"{unit}\", "
                + "\"answers\": {\"experiencedSupervisors\": 1e400, \"15\": {\"2019\": " + LONG_MAX_PLUS_ONE
                + "}}}").expect(422, "VALIDATION_FAILED", "WRONG_TYPE", "OUT_OF_RANGE"));
        c.add(validate("locked campaign").json(String.format(complete, "{lockedCampaign}", "{lockedUnit}"))
                .expect(422, "VALIDATION_FAILED", "SUBMISSION_LOCKED"));
        c.add(validate("closed campaign").json(String.format(complete, "{closedCampaign}", "{spareUnit}"))
                .expect(422, "VALIDATION_FAILED", "CAMPAIGN_CLOSED"));
        c.add(validate("unknown campaign").json(String.format(complete, "alf-2014-2017", "{spareUnit}"))
                .expect(422, "VALIDATION_FAILED", "UNKNOWN_CAMPAIGN"));
        c.add(validate("replayed id of another unit").json("{\"submissionId\": \"{sub}\", \"campaignId\": "
                + "\"alf-2018-2021\", \"unitId\": \"{spareUnit}\", \"answers\": {}}")
                .expect(422, "VALIDATION_FAILED", "SUBMISSION_ID_CONFLICT"));
        c.add(validate("NUL character in text").json("{\"campaignId\": \"alf-2018-2021\", \"unitId\": \"{unit}\", "
                + "\"answers\": {\"explanation4a\": \"\\u0000\"}}").expect(422, "VALIDATION_FAILED",
                        "INVALID_CHARACTER"));
        c.add(validate("deep nesting").json("{\"answers\": " + nestedObjects(10_000) + "}").expect(400,
                "MALFORMED_JSON"));
        c.add(validate("10 MB body").raw(JSON, f -> padded("{\"campaignId\": \"", "\"}")).expect(413,
                "PAYLOAD_TOO_LARGE"));
        c.add(validate("invalid UTF-8").raw(JSON, f -> withBytes("{\"campaignId\": \"", new byte[] { (byte) 0xC3 },
                "\"}")).expect(400, "MALFORMED_JSON"));
        c.add(validate("wrong content type").csv(CSV_HEADER).expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        c.add(validate("empty body").raw(JSON, f -> new byte[0]).expect(422, "VALIDATION_FAILED",
                "REQUIRED_MISSING"));
        c.add(validate("answers is null").json("{\"campaignId\": \"alf-2018-2021\", \"unitId\": \"{unit}\", "
                + "\"answers\": null}").expect(422, "VALIDATION_FAILED", "REQUIRED_MISSING"));
    }

    private static HostileCase.Builder validate(String name) {
        return named("validate: " + name).call(SURVEY, "POST", "/api/submissions/validate", REPORTER_01);
    }

    // ---------------------------------------------------------------- survey-service: JSON import

    private static void jsonImports(List<HostileCase> c) {
        String row = "{\"submissionId\": \"%s\", \"campaignId\": \"%s\", \"unitId\": \"%s\", \"answers\": %s, "
                + "\"submit\": %s}";
        c.add(importJson("malformed JSON").json("[{\"submissionId\": ").expect(400, "MALFORMED_JSON"));
        c.add(importJson("trailing garbage").json("[] []").expect(400, "MALFORMED_JSON"));
        c.add(importJson("not an array").json("{}").expect(422, "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(importJson("a number").json("1e400").expect(422, "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(importJson("empty body").raw(JSON, f -> new byte[0]).expect(422, "VALIDATION_FAILED",
                "WRONG_TYPE"));
        c.add(importJson("2001 rows").raw(JSON, f -> ("[" + "{},".repeat(2000) + "{}]").getBytes()).expect(422,
                "VALIDATION_FAILED", "TOO_MANY_ROWS"));
        c.add(importJson("10 MB body").raw(JSON, f -> padded("[{\"submissionId\": \"", "\"}]")).expect(413,
                "PAYLOAD_TOO_LARGE"));
        c.add(importJson("deep nesting").json("[" + nested(10_000) + "]").expect(400, "MALFORMED_JSON"));
        c.add(importJson("invalid UTF-8").raw(JSON, f -> withBytes("[{\"submissionId\": \"", new byte[] {
            (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, "\"}]")).expect(400, "MALFORMED_JSON"));
        c.add(importJson("wrong content type").raw("application/xml", f -> "<rows/>".getBytes()).expect(415,
                "UNSUPPORTED_MEDIA_TYPE"));
        c.add(importJson("JSON sent as CSV").raw("text/csv", f -> "[{\"submissionId\": 1}]".getBytes())
                .expect(400, "CSV_HEADER"));
        c.add(importJson("row is not an object").json("[42]").expectImportRejected("WRONG_TYPE"));
        c.add(importJson("row without id").json("[{\"campaignId\": \"alf-2018-2021\"}]")
                .expectImportRejected("REQUIRED_MISSING"));
        c.add(importJson("path traversal id").json("[" + String.format(row, "../../etc/passwd", CAMPAIGN,
                "{spareUnit}", "{}", "false") + "]").expectImportRejected("INVALID_ID"));
        c.add(importJson("unknown item").json("[" + String.format(row, "{new}", CAMPAIGN, "{spareUnit}",
                "{\"99z\": \"JA\"}", "false") + "]").expectImportRejected("UNKNOWN_ITEM"));
        c.add(importJson("unknown option").json("[" + String.format(row, "{new}", CAMPAIGN, "{spareUnit}",
                "{\"3\": \"MAYBE\"}", "false") + "]").expectImportRejected("INVALID_OPTION"));
        c.add(importJson("huge number").json("[" + String.format(row, "{new}", CAMPAIGN, "{spareUnit}",
                "{\"experiencedSupervisors\": 1e400}", "false") + "]").expectImportRejected("WRONG_TYPE"));
        c.add(importJson("Long.MAX + 1").json("[" + String.format(row, "{new}", CAMPAIGN, "{spareUnit}",
                "{\"experiencedSupervisors\": " + LONG_MAX_PLUS_ONE + "}", "false") + "]")
                .expectImportRejected("OUT_OF_RANGE"));
        c.add(importJson("NUL character in text").json("[" + String.format(row, "{new}", CAMPAIGN, "{spareUnit}",
                "{\"explanation4a\": \"x\\u0000y\"}", "false") + "]").expectImportRejected("INVALID_CHARACTER"));
        c.add(importJson("NUL character in an option").json("[" + String.format(row, "{new}", CAMPAIGN,
                "{spareUnit}", "{\"3\": \"NEJ\\u0000\"}", "false") + "]").expectImportRejected("INVALID_OPTION"));
        c.add(importJson("NUL character in the id").json("[" + String.format(row, "\\u0000", CAMPAIGN,
                "{spareUnit}", "{}", "false") + "]").expectImportRejected("INVALID_ID"));
        c.add(importJson("NUL character in the campaign id").json("[" + String.format(row, "{new}",
                "alf-2018-2021\\u0000", "{spareUnit}", "{}", "false") + "]").expectImportRejected("INVALID_CHARACTER"));
        c.add(importJson("submit is a string").json("[" + String.format(row, "{new}", CAMPAIGN, "{spareUnit}", "{}",
                "\"yes\"") + "]").expectImportRejected("WRONG_TYPE"));
        c.add(importJson("campaignId is a number").json("[" + String.format(row, "{new}", "x", "{spareUnit}", "{}",
                "false").replace("\"x\"", "2021") + "]").expectImportRejected("WRONG_TYPE"));
        c.add(importJson("unknown campaign").json("[" + String.format(row, "{new}", "alf-1999", "{spareUnit}",
                "{}", "false") + "]").expectImportRejected("UNKNOWN_CAMPAIGN"));
        c.add(importJson("locked campaign").json("[" + String.format(row, "{new}", "{lockedCampaign}",
                "{spareUnit}", "{}", "false") + "]").expectImportRejected("SUBMISSION_LOCKED"));
        c.add(importJson("closed campaign").json("[" + String.format(row, "{new}", "{closedCampaign}",
                "{spareUnit}", "{}", "false") + "]").expectImportRejected("CAMPAIGN_CLOSED"));
        c.add(importJson("replayed id of another unit").json("[" + String.format(row, "{sub}", CAMPAIGN,
                "{spareUnit}", "{}", "false") + "]").expectImportRejected("SUBMISSION_ID_CONFLICT"));
        c.add(importJson("replayed id of a submitted submission as a draft").json("[" + String.format(row, "{sub}",
                CAMPAIGN, "{unit}", "{\"3\": \"NEJ\"}", "false") + "]").expectImportRejected("SUBMISSION_NOT_DRAFT"));
        c.add(importJson("same id twice").json("[" + String.format(row, "{draft}", CAMPAIGN, "{draftUnit}",
                "{\"3\": \"MAYBE\"}", "false") + "," + String.format(row, "{draft}", CAMPAIGN, "{draftUnit}",
                        "{\"3\": \"MAYBE\"}", "false") + "]").expectImportRejected("INVALID_OPTION", "DUPLICATE_ROW"));
        c.add(importJson("incomplete submit").json("[" + String.format(row, "{new}", CAMPAIGN, "{spareUnit}",
                "{\"3\": \"NEJ\"}", "true") + "]").expectImportRejected("REQUIRED_MISSING"));
        c.add(importJson("unit of another region").json("[" + String.format(row, "{new}", CAMPAIGN, "{otherUnit}",
                "{}", "false") + "]").expectImportRejected("OTHER_REGION"));
    }

    private static HostileCase.Builder importJson(String name) {
        return named("import JSON: " + name).call(SURVEY, "POST", "/api/imports", REPORTER_01);
    }

    // ---------------------------------------------------------------- survey-service: CSV import

    private static void csvImports(List<HostileCase> c) {
        String line = "{new},alf-2018-2021,{spareUnit},%s,%s,false\n";
        c.add(importCsv("header missing").csv("{new},alf-2018-2021,{spareUnit},3,NEJ,false\n").expect(400,
                "CSV_HEADER"));
        c.add(importCsv("empty body").raw("text/csv", f -> new byte[0]).expect(400, "CSV_HEADER"));
        c.add(importCsv("duplicate header").csv("submissionId,submissionId,campaignId,unitId,itemId,value\n")
                .expect(400, "MALFORMED_CSV"));
        c.add(importCsv("unbalanced quote").csv(CSV_HEADER + "{new},alf-2018-2021,{spareUnit},explanation4a,"
                + "\"never closed,false\n").expect(400, "MALFORMED_CSV"));
        c.add(importCsv("formula =cmd in text").csv(CSV_HEADER + String.format(line, "explanation4a",
                "\"" + CALC.replace("\"", "\"\"") + "\"")).expectImportRejected("UNSAFE_CSV_TEXT"));
        c.add(importCsv("formula + in text").csv(CSV_HEADER + String.format(line, "explanation4a", "+1+1"))
                .expectImportRejected("UNSAFE_CSV_TEXT"));
        c.add(importCsv("formula - in text").csv(CSV_HEADER + String.format(line, "explanation4a",
                "-2+3+cmd|' /C calc'!A0")).expectImportRejected("UNSAFE_CSV_TEXT"));
        c.add(importCsv("formula @ in text").csv(CSV_HEADER + String.format(line, "explanation4a", "@SUM(1+1)"))
                .expectImportRejected("UNSAFE_CSV_TEXT"));
        c.add(importCsv("formula after a tab").csv(CSV_HEADER + String.format(line, "explanation4a",
                "\"\t=1+1\"")).expectImportRejected("UNSAFE_CSV_TEXT"));
        c.add(importCsv("formula in an option").csv(CSV_HEADER + String.format(line, "3", "\"" + CALC
                .replace("\"", "\"\"") + "\"")).expectImportRejected("INVALID_OPTION"));
        c.add(importCsv("formula in an integer").csv(CSV_HEADER + String.format(line, "experiencedSupervisors",
                "=1+1")).expectImportRejected("WRONG_TYPE"));
        c.add(importCsv("formula as the submission id").csv(CSV_HEADER + "\"" + CALC.replace("\"", "\"\"")
                + "\",alf-2018-2021,{spareUnit},3,NEJ,false\n").expectImportRejected("INVALID_ID"));
        c.add(importCsv("formula as the item id").csv(CSV_HEADER + String.format(line, "@A1", "NEJ"))
                .expectImportRejected("UNKNOWN_ITEM"));
        c.add(importCsv("huge number").csv(CSV_HEADER + String.format(line, "experiencedSupervisors",
                LONG_MAX_PLUS_ONE)).expectImportRejected("WRONG_TYPE"));
        c.add(importCsv("number 1e400").csv(CSV_HEADER + String.format(line, "experiencedSupervisors", "1e400"))
                .expectImportRejected("WRONG_TYPE"));
        c.add(importCsv("unknown option").csv(CSV_HEADER + String.format(line, "3", "KANSKE"))
                .expectImportRejected("INVALID_OPTION"));
        c.add(importCsv("unknown item").csv(CSV_HEADER + String.format(line, "99z", "JA"))
                .expectImportRejected("UNKNOWN_ITEM"));
        c.add(importCsv("path traversal as item path").csv(CSV_HEADER + String.format(line, "15/../../x", "1"))
                .expectImportRejected("INVALID_ITEM_PATH"));
        c.add(importCsv("table row far out").csv(CSV_HEADER + String.format(line, "staffComposition/99999999/s1",
                "1")).expectImportRejected("INVALID_ITEM_PATH"));
        c.add(importCsv("NUL byte in text").csv(CSV_HEADER + String.format(line, "explanation4a", "a\u0000b"))
                .expectImportRejected("INVALID_CHARACTER"));
        c.add(importCsv("NUL byte in an option").csv(CSV_HEADER + String.format(line, "3", "NEJ\u0000"))
                .expectImportRejected("INVALID_OPTION"));
        c.add(importCsv("NUL byte in the campaign id").csv(CSV_HEADER + "{new},alf-2018-2021\u0000,{spareUnit},3,"
                + "NEJ,false\n").expectImportRejected("INVALID_CHARACTER"));
        c.add(importCsv("invalid UTF-8").raw("text/csv", f -> withBytes(f.fill(CSV_HEADER + String.format(line,
                "explanation4a", "a")), new byte[] { (byte) 0xFF, (byte) 0xFE }, "\n")).expect(400,
                        "INVALID_ENCODING"));
        c.add(importCsv("unknown charset").csv(CSV_HEADER).contentType("text/csv; charset=klingon").expect(400,
                "UNSUPPORTED_CHARSET"));
        c.add(importCsv("inconsistent rows").csv(CSV_HEADER + "{draft},alf-2018-2021,{draftUnit},3,NEJ,false\n"
                + "{draft},alf-2018-2021,{spareUnit},4a,JA,false\n").expectImportRejected("INCONSISTENT_ROWS"));
        c.add(importCsv("duplicate cell").csv(CSV_HEADER + "{draft},alf-2018-2021,{draftUnit},3,NEJ,false\n"
                + "{draft},alf-2018-2021,{draftUnit},3,JA,false\n").expectImportRejected("DUPLICATE_CELL"));
        c.add(importCsv("submit is not a boolean").csv(CSV_HEADER + "{new},alf-2018-2021,{spareUnit},3,NEJ,ja\n")
                .expectImportRejected("WRONG_TYPE"));
        c.add(importCsv("locked campaign").csv(CSV_HEADER + "{new},{lockedCampaign},{spareUnit},3,NEJ,false\n")
                .expectImportRejected("SUBMISSION_LOCKED"));
        c.add(importCsv("replayed id of another unit").csv(CSV_HEADER + "{sub},alf-2018-2021,{spareUnit},3,NEJ,"
                + "false\n").expectImportRejected("SUBMISSION_ID_CONFLICT"));
        c.add(importCsv("2001 submissions").raw("text/csv", f -> {
            StringBuilder csv = new StringBuilder(CSV_HEADER);
            for (int i = 0; i < 2001; i++) {
                csv.append(java.util.UUID.randomUUID()).append(",alf-2018-2021,x,3,NEJ,false\n");
            }
            return csv.toString().getBytes();
        }).expect(422, "VALIDATION_FAILED", "TOO_MANY_ROWS"));
        c.add(importCsv("10 MB body").raw("text/csv", f -> padded(CSV_HEADER + "x,alf-2018-2021,x,explanation4a,\"",
                "\",false\n")).expect(413, "PAYLOAD_TOO_LARGE"));
    }

    private static HostileCase.Builder importCsv(String name) {
        return named("import CSV: " + name).call(SURVEY, "POST", "/api/imports", REPORTER_01);
    }

    // ---------------------------------------------------------------- survey-service: units

    private static void units(List<HostileCase> c) {
        String valid = "{\"name\": \"Fientliga kliniken\", \"regionCode\": \"01\", \"directPatientContact\": true%s}";
        c.add(unit("malformed JSON").json("{\"name\": \"x\"").expect(400, "MALFORMED_JSON"));
        c.add(unit("empty body").raw(JSON, f -> new byte[0]).expect(400, "INVALID_REQUEST"));
        c.add(unit("name missing").json("{\"regionCode\": \"01\", \"directPatientContact\": true}").expect(400,
                "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(unit("name of 201 characters").json("{\"name\": \"" + "n".repeat(201) + "\", \"regionCode\": \"01\", "
                + "\"directPatientContact\": true}").expect(400, "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(unit("name of 1 MB").json("{\"name\": \"" + "n".repeat(1 << 20) + "\", \"regionCode\": \"01\", "
                + "\"directPatientContact\": true}").expect(400, "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(unit("NUL character in the name").json("{\"name\": \"Klinik\\u0000\", \"regionCode\": \"01\", "
                + "\"directPatientContact\": true}").expect(400, "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(unit("region not an ALF region").json("{\"name\": \"x\", \"regionCode\": \"99\", "
                + "\"directPatientContact\": true}").expect(422, "VALIDATION_FAILED", "UNKNOWN_REGION"));
        c.add(unit("region of three digits").json("{\"name\": \"x\", \"regionCode\": \"001\", "
                + "\"directPatientContact\": true}").expect(400, "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(unit("region is a number").json("{\"name\": \"x\", \"regionCode\": 1, \"directPatientContact\": true}")
                .expect(400, "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(unit("unknown provider").json(String.format(valid, ", \"provider\": \"PIRATE\"")).expect(400,
                "WRONG_TYPE"));
        c.add(unit("designatedYear 1e400").json(String.format(valid, ", \"designatedYear\": 1e400")).expect(400,
                "WRONG_TYPE"));
        c.add(unit("designatedYear Long.MAX + 1").json(String.format(valid, ", \"designatedYear\": "
                + LONG_MAX_PLUS_ONE)).expect(400, "WRONG_TYPE"));
        c.add(unit("designatedYear 2^64").json(String.format(valid, ", \"designatedYear\": " + TWO_POW_64))
                .expect(400, "WRONG_TYPE"));
        c.add(unit("designatedYear as text").json(String.format(valid, ", \"designatedYear\": \"nineteen\""))
                .expect(400, "WRONG_TYPE"));
        c.add(unit("designatedYear out of range").json(String.format(valid, ", \"designatedYear\": 1900"))
                .expect(400, "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(unit("directPatientContact as text").json("{\"name\": \"x\", \"regionCode\": \"01\", "
                + "\"directPatientContact\": \"maybe\"}").expect(400, "WRONG_TYPE"));
        c.add(unit("id in body differs").json(String.format(valid, ", \"id\": \"01-SOMEONE-ELSE\"")).expect(422,
                "VALIDATION_FAILED", "ID_MISMATCH"));
        c.add(unit("deep nesting").json(String.format(valid, ", \"extra\": " + nested(10_000))).expect(400,
                "MALFORMED_JSON"));
        c.add(unit("10 MB body").raw(JSON, f -> padded("{\"name\": \"", "\", \"regionCode\": \"01\"}")).expect(413,
                "PAYLOAD_TOO_LARGE"));
        c.add(unit("invalid UTF-8 in the name").raw(JSON, f -> withBytes("{\"name\": \"Klinik", new byte[] {
            (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, "\", \"regionCode\": \"01\", "
                    + "\"directPatientContact\": true}")).expect(400, "MALFORMED_JSON"));
        c.add(unit("wrong content type").raw("text/csv", f -> "name,regionCode\nx,01\n".getBytes()).expect(415,
                "UNSUPPORTED_MEDIA_TYPE"));
        c.add(named("unit: reserved REGION- id").call(SURVEY, "PUT", "/api/units/REGION-01", ADMIN)
                .json(String.format(valid, "")).expect(422, "VALIDATION_FAILED", "RESERVED_UNIT_ID"));
        c.add(named("unit: path traversal id").call(SURVEY, "PUT", "/api/units/" + TRAVERSAL, ADMIN)
                .json(String.format(valid, "")).expect(400, "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(named("unit: dot-encoded path traversal id").call(SURVEY, "PUT", "/api/units/" + TRAVERSAL_DOTS, ADMIN)
                .json(String.format(valid, "")).expect(400, "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(named("unit: NUL in the id").call(SURVEY, "PUT", "/api/units/01-X%00", ADMIN)
                .json(String.format(valid, "")).expect(400, "INVALID_CHARACTER"));
        c.add(named("unit: id with a quote").call(SURVEY, "PUT", "/api/units/x%27%3B%20drop%20table%20unit%3B--",
                ADMIN).json(String.format(valid, "")).expect(400, "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(named("unit: id of 65 characters").call(SURVEY, "PUT", "/api/units/" + "u".repeat(65), ADMIN)
                .json(String.format(valid, "")).expect(400, "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(named("unit: id of 2000 characters").call(SURVEY, "PUT", "/api/units/" + "u".repeat(2000), ADMIN)
                .json(String.format(valid, "")).expect(400, "INVALID_REQUEST", "CONSTRAINT_VIOLATION"));
        c.add(named("unit: by a reporter for another region").call(SURVEY, "PUT", "/api/units/03-HOSTILE-NEW",
                REPORTER_01).json(String.format(valid, "").replace("\"01\"", "\"03\"")).expect(403, "OTHER_REGION"));
        c.add(named("unit: registered inactive by a reporter").call(SURVEY, "PUT", "/api/units/01-HOSTILE-NEW",
                REPORTER_01).json(String.format(valid, ", \"active\": false")).expect(403, "ADMIN_ONLY", "ADMIN_ONLY"));
    }

    private static HostileCase.Builder unit(String name) {
        return named("unit: " + name).call(SURVEY, "PUT", "/api/units/{newUnit}", ADMIN);
    }

    // ---------------------------------------------------------------- survey-service: campaigns

    private static void campaigns(List<HostileCase> c) {
        String body = "{\"questionnaire\": {\"key\": \"%s\", \"version\": \"%s\"}, \"periodStart\": \"%s\", "
                + "\"periodEnd\": \"2022-12-31\", \"referenceDate\": \"2022-12-31\", \"status\": \"%s\"}";
        c.add(campaign("unknown questionnaire version").json(String.format(body, "alf-usve", "1999", "2022-01-01",
                "OPEN")).expect(422, "VALIDATION_FAILED", "UNKNOWN_QUESTIONNAIRE"));
        c.add(campaign("unknown questionnaire").json(String.format(body, "../../etc/passwd", "2021", "2022-01-01",
                "OPEN")).expect(422, "VALIDATION_FAILED", "UNKNOWN_QUESTIONNAIRE"));
        c.add(campaign("questionnaire missing").json("{\"periodStart\": \"2022-01-01\"}").expect(422,
                "VALIDATION_FAILED", "UNKNOWN_QUESTIONNAIRE", "REQUIRED_MISSING"));
        c.add(campaign("status LOCKED").json(String.format(body, "alf-usve", "2021", "2022-01-01", "LOCKED"))
                .expect(422, "VALIDATION_FAILED", "LOCK_VIA_ENDPOINT"));
        c.add(campaign("unknown status").json(String.format(body, "alf-usve", "2021", "2022-01-01", "PARTY"))
                .expect(422, "VALIDATION_FAILED", "INVALID_OPTION"));
        c.add(campaign("period ends before it starts").json(String.format(body, "alf-usve", "2021", "2023-01-01",
                "OPEN")).expect(422, "VALIDATION_FAILED", "INVALID_PERIOD"));
        c.add(campaign("date is not a date").json(String.format(body, "alf-usve", "2021", "yesterday", "OPEN"))
                .expect(400, "WRONG_TYPE"));
        c.add(campaign("February 30").json(String.format(body, "alf-usve", "2021", "2022-02-30", "OPEN"))
                .expect(400, "WRONG_TYPE"));
        c.add(campaign("date as a huge number").json(String.format(body, "alf-usve", "2021", "x", "OPEN")
                .replace("\"x\"", "1e400")).expect(400, "WRONG_TYPE"));
        c.add(campaign("questionnaire is a string").json("{\"questionnaire\": \"alf-usve\"}").expect(400,
                "WRONG_TYPE"));
        c.add(campaign("malformed JSON").json("{\"questionnaire\": {").expect(400, "MALFORMED_JSON"));
        c.add(campaign("empty body").raw(JSON, f -> new byte[0]).expect(400, "INVALID_REQUEST"));
        c.add(campaign("deep nesting").json("{\"questionnaire\": " + nestedObjects(10_000) + "}").expect(400,
                "MALFORMED_JSON"));
        c.add(campaign("10 MB body").raw(JSON, f -> padded("{\"status\": \"", "\"}")).expect(413,
                "PAYLOAD_TOO_LARGE"));
        c.add(campaign("wrong content type").raw("text/plain", f -> "OPEN".getBytes()).expect(415,
                "UNSUPPORTED_MEDIA_TYPE"));
        c.add(named("campaign: replace a locked campaign").call(SURVEY, "PUT", "/api/campaigns/{lockedCampaign}",
                ADMIN).json(String.format(body, "alf-usve", "2021", "2022-01-01", "OPEN")).expect(409,
                        "SUBMISSION_LOCKED"));
        c.add(named("campaign: change the questionnaire of a campaign in use").call(SURVEY, "PUT",
                "/api/campaigns/alf-2018-2021", ADMIN).json(String.format(body, "regional-research", "2021",
                        "2018-01-01", "OPEN")).expect(409, "CAMPAIGN_IN_USE"));
        c.add(named("campaign: path traversal id").call(SURVEY, "PUT", "/api/campaigns/" + TRAVERSAL, ADMIN)
                .json(String.format(body, "alf-usve", "2021", "2022-01-01", "OPEN")).expect(400, "INVALID_REQUEST",
                        "CONSTRAINT_VIOLATION"));
        c.add(named("campaign: id with spaces").call(SURVEY, "PUT", "/api/campaigns/a%20b", ADMIN)
                .json(String.format(body, "alf-usve", "2021", "2022-01-01", "OPEN")).expect(400, "INVALID_REQUEST",
                        "CONSTRAINT_VIOLATION"));
        c.add(named("campaign: by a monitor").call(SURVEY, "PUT", "/api/campaigns/{newCampaign}", MONITOR)
                .json(String.format(body, "alf-usve", "2021", "2022-01-01", "OPEN")).expect(403, "FORBIDDEN"));
        c.add(named("campaign lock: unknown campaign").call(SURVEY, "POST", "/api/campaigns/{newCampaign}/lock",
                ADMIN).expect(404, "CAMPAIGN_NOT_FOUND"));
        c.add(named("campaign lock: path traversal id").call(SURVEY, "POST", "/api/campaigns/" + TRAVERSAL
                + "/lock", ADMIN).expect(404, "CAMPAIGN_NOT_FOUND"));
        c.add(named("campaign lock: NUL in the id").call(SURVEY, "POST", "/api/campaigns/alf-2018-2021%00/lock",
                ADMIN).expect(400, "INVALID_CHARACTER"));
        c.add(named("campaign lock: 10 MB body").call(SURVEY, "POST", "/api/campaigns/{newCampaign}/lock", ADMIN)
                .raw(JSON, f -> padded("\"", "\"")).expect(413, "PAYLOAD_TOO_LARGE"));
        c.add(named("campaign lock: by a reporter").call(SURVEY, "POST", "/api/campaigns/alf-2018-2021/lock",
                REPORTER_01).expect(403, "FORBIDDEN"));
    }

    private static HostileCase.Builder campaign(String name) {
        return named("campaign: " + name).call(SURVEY, "PUT", "/api/campaigns/{newCampaign}", ADMIN);
    }

    // ---------------------------------------------------------------- assessment-service: review decisions

    private static void decisions(List<HostileCase> c) {
        c.add(decision("unknown decision").json("{\"decision\": \"MAYBE\", \"comment\": \"x\"}").expect(422,
                "VALIDATION_FAILED", "INVALID_OPTION"));
        c.add(decision("decision in lower case").json("{\"decision\": \"approved\", \"comment\": \"x\"}").expect(422,
                "VALIDATION_FAILED", "INVALID_OPTION"));
        c.add(decision("decision and comment missing").json("{}").expect(422, "VALIDATION_FAILED",
                "REQUIRED_MISSING"));
        c.add(decision("blank comment").json("{\"decision\": \"APPROVED\", \"comment\": \" \\t \"}").expect(422,
                "VALIDATION_FAILED", "REQUIRED_MISSING"));
        c.add(decision("comment of 4001 characters").json("{\"decision\": \"REJECTED\", \"comment\": \""
                + "c".repeat(4001) + "\"}").expect(422, "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(decision("NUL character in the comment").json("{\"decision\": \"APPROVED\", \"comment\": "
                + "\"ok\\u0000\"}").expect(422, "VALIDATION_FAILED", "INVALID_CHARACTER"));
        c.add(decision("decision is an array").json("{\"decision\": [\"APPROVED\"], \"comment\": \"x\"}").expect(400,
                "WRONG_TYPE"));
        c.add(decision("decision is a huge number").json("{\"decision\": 1e400, \"comment\": \"x\"}").expect(422,
                "VALIDATION_FAILED", "INVALID_OPTION"));
        c.add(decision("malformed JSON").json("{\"decision\": \"APPROVED\"").expect(400, "MALFORMED_JSON"));
        c.add(decision("duplicate key").json("{\"decision\": \"REJECTED\", \"decision\": \"APPROVED\", "
                + "\"comment\": \"x\"}").expect(400, "MALFORMED_JSON"));
        c.add(decision("empty body").raw(JSON, f -> new byte[0]).expect(422, "VALIDATION_FAILED",
                "REQUIRED_MISSING"));
        c.add(decision("deep nesting").json("{\"comment\": " + nested(10_000) + "}").expect(400, "WRONG_TYPE"));
        c.add(decision("deep nesting in an unknown field").json("{\"extra\": " + nested(10_000) + "}").expect(400,
                "MALFORMED_JSON"));
        c.add(decision("10 MB comment").raw(JSON, f -> padded("{\"decision\": \"APPROVED\", \"comment\": \"",
                "\"}")).expect(413, "PAYLOAD_TOO_LARGE"));
        c.add(decision("invalid UTF-8").raw(JSON, f -> withBytes("{\"decision\": \"APPROVED\", \"comment\": \"",
                new byte[] { (byte) 0xC1, (byte) 0xBF }, "\"}")).expect(400, "MALFORMED_JSON"));
        c.add(decision("wrong content type").raw("text/plain", f -> "APPROVED".getBytes()).expect(415,
                "UNSUPPORTED_MEDIA_TYPE"));
        c.add(named("decision: unknown review").call(ASSESSMENT, "POST", "/api/reviews/{new}/decision", ASSESSOR)
                .json("{\"decision\": \"APPROVED\", \"comment\": \"x\"}").expect(404, "REVIEW_NOT_FOUND"));
        c.add(named("decision: path traversal id").call(ASSESSMENT, "POST", "/api/reviews/" + TRAVERSAL
                + "/decision", ASSESSOR).json("{\"decision\": \"APPROVED\", \"comment\": \"x\"}").expect(404,
                        "NOT_FOUND"));
        c.add(named("decision: by an admin").call(ASSESSMENT, "POST", "/api/reviews/{review}/decision", ADMIN)
                .json("{\"decision\": \"APPROVED\", \"comment\": \"x\"}").expect(403, "FORBIDDEN"));
    }

    private static HostileCase.Builder decision(String name) {
        return named("decision: " + name).call(ASSESSMENT, "POST", "/api/reviews/{review}/decision", ASSESSOR);
    }

    // ---------------------------------------------------------------- assessment-service: rule sets

    private static void ruleSets(List<HostileCase> c) {
        c.add(publish("unknown version", "/api/rule-sets/1999.9/publish").expect(404, "RULE_SET_NOT_FOUND"));
        c.add(publish("path traversal version", "/api/rule-sets/" + TRAVERSAL + "/publish").expect(404,
                "RULE_SET_NOT_FOUND"));
        c.add(publish("dot-encoded traversal", "/api/rule-sets/" + TRAVERSAL_DOTS + "/publish").expect(404,
                "RULE_SET_NOT_FOUND"));
        c.add(publish("NUL in the version", "/api/rule-sets/2021.1%00/publish").expect(400, "INVALID_CHARACTER"));
        c.add(publish("overlong version", "/api/rule-sets/" + "9".repeat(2000) + "/publish").expect(404,
                "RULE_SET_NOT_FOUND"));
        c.add(publish("script as version", "/api/rule-sets/%3Cscript%3Ealert(1)%3C%2Fscript%3E/publish")
                .expect(404, "RULE_SET_NOT_FOUND"));
        c.add(publish("10 MB body", "/api/rule-sets/1999.9/publish").raw(JSON, f -> padded("\"", "\"")).expect(413,
                "PAYLOAD_TOO_LARGE"));
        c.add(named("rule set publish: by an assessor").call(ASSESSMENT, "POST", "/api/rule-sets/2021.1/publish",
                ASSESSOR).expect(403, "FORBIDDEN"));
        c.add(named("rule set publish: PUT instead of POST").call(ASSESSMENT, "PUT", "/api/rule-sets/2021.1/publish",
                ADMIN).json("{}").expect(405, "METHOD_NOT_ALLOWED"));
    }

    private static HostileCase.Builder publish(String name, String path) {
        return named("rule set publish: " + name).call(ASSESSMENT, "POST", path, ADMIN);
    }

    // ---------------------------------------------------------------- indicator-service: reference statistics

    private static void referenceJson(List<HostileCase> c) {
        c.add(reference("malformed JSON").json("[{\"regionCode\": \"01\", ").expect(400, "MALFORMED_JSON"));
        c.add(reference("trailing garbage").json("[{\"regionCode\": \"01\", \"value\": 5}] x").expect(400,
                "MALFORMED_JSON"));
        c.add(reference("duplicate key").json("[{\"regionCode\": \"01\", \"value\": 5, \"value\": 6}]").expect(400,
                "MALFORMED_JSON"));
        c.add(reference("not an array").json("{\"regionCode\": \"01\", \"value\": 5}").expect(422,
                "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(reference("empty array").json("[]").expect(422, "VALIDATION_FAILED", "REQUIRED_MISSING"));
        c.add(reference("empty body").raw(JSON, f -> new byte[0]).expect(422, "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(reference("unknown region").json("[{\"regionCode\": \"99\", \"value\": 5}]").expect(422,
                "VALIDATION_FAILED", "UNKNOWN_REGION"));
        c.add(reference("region is a number").json("[{\"regionCode\": 1, \"value\": 5}]").expect(422,
                "VALIDATION_FAILED", "REQUIRED_MISSING"));
        c.add(reference("value is text").json("[{\"regionCode\": \"01\", \"value\": \"many\"}]").expect(422,
                "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(reference("value missing").json("[{\"regionCode\": \"01\"}]").expect(422, "VALIDATION_FAILED",
                "REQUIRED_MISSING"));
        c.add(reference("negative value").json("[{\"regionCode\": \"01\", \"value\": -5}]").expect(422,
                "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(reference("value 1e400").json("[{\"regionCode\": \"01\", \"value\": 1e400}]").expect(422,
                "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(reference("value Long.MAX + 1").json("[{\"regionCode\": \"01\", \"value\": " + LONG_MAX_PLUS_ONE
                + "}]").expect(422, "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(reference("value with 400 digits").json("[{\"regionCode\": \"01\", \"value\": 1" + "0".repeat(400)
                + "}]").expect(422, "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(reference("value 1e-400").json("[{\"regionCode\": \"01\", \"value\": 1e-400}]").expect(422,
                "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(reference("duplicate region").json("[{\"regionCode\": \"01\", \"value\": 5}, {\"regionCode\": \"01\", "
                + "\"value\": 6}]").expect(422, "VALIDATION_FAILED", "DUPLICATE_REGION"));
        c.add(reference("NUL character in the region").json("[{\"regionCode\": \"0\\u00001\", \"value\": 5}]")
                .expect(422, "VALIDATION_FAILED", "UNKNOWN_REGION"));
        c.add(named("reference JSON: NUL character in the source").call(INDICATOR, "PUT",
                "/api/reference/population/{year}?source=SCB%00", MONITOR)
                .json("[{\"regionCode\": \"01\", \"value\": 5}]").expect(400, "INVALID_CHARACTER"));
        c.add(named("reference JSON: source of 501 characters").call(INDICATOR, "PUT",
                "/api/reference/population/{year}?source=" + "s".repeat(501), MONITOR)
                .json("[{\"regionCode\": \"01\", \"value\": 5}]").expect(422, "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(reference("deep nesting").json(nested(10_000)).expect(400, "MALFORMED_JSON"));
        c.add(reference("nesting of 101 levels").json("[{\"regionCode\": \"01\", \"value\": " + nested(100)
                + "}]").expect(400, "MALFORMED_JSON"));
        c.add(reference("10 MB body").raw(JSON, f -> padded("[{\"regionCode\": \"", "\", \"value\": 1}]"))
                .expect(413, "PAYLOAD_TOO_LARGE"));
        c.add(reference("invalid UTF-8").raw(JSON, f -> withBytes("[{\"regionCode\": \"0", new byte[] {
            (byte) 0xFF }, "\", \"value\": 1}]")).expect(400, "MALFORMED_JSON"));
        c.add(reference("wrong content type").raw("application/xml", f -> "<rows/>".getBytes()).expect(415,
                "UNSUPPORTED_MEDIA_TYPE"));
        c.add(named("reference JSON: unknown kind").call(INDICATOR, "PUT", "/api/reference/gdp/{year}", MONITOR)
                .json("[{\"regionCode\": \"01\", \"value\": 5}]").expect(404, "UNKNOWN_REFERENCE"));
        c.add(named("reference JSON: path traversal kind").call(INDICATOR, "PUT", "/api/reference/" + TRAVERSAL
                + "/{year}", MONITOR).json("[{\"regionCode\": \"01\", \"value\": 5}]").expect(404,
                        "UNKNOWN_REFERENCE"));
        c.add(named("reference JSON: year not a number").call(INDICATOR, "PUT", "/api/reference/population/MMXXI",
                MONITOR).json("[{\"regionCode\": \"01\", \"value\": 5}]").expect(404, "NOT_FOUND"));
        c.add(named("reference JSON: year beyond int").call(INDICATOR, "PUT", "/api/reference/population/"
                + LONG_MAX_PLUS_ONE, MONITOR).json("[{\"regionCode\": \"01\", \"value\": 5}]").expect(404,
                        "NOT_FOUND"));
        c.add(named("reference JSON: year 0").call(INDICATOR, "PUT", "/api/reference/population/0", MONITOR)
                .json("[{\"regionCode\": \"01\", \"value\": 5}]").expect(422, "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(named("reference JSON: by a viewer").call(INDICATOR, "PUT", "/api/reference/population/{year}", VIEWER)
                .json("[{\"regionCode\": \"01\", \"value\": 5}]").expect(403, "FORBIDDEN"));
    }

    private static HostileCase.Builder reference(String name) {
        return named("reference JSON: " + name).call(INDICATOR, "PUT", "/api/reference/population/{year}", MONITOR);
    }

    private static void referenceCsv(List<HostileCase> c) {
        c.add(referenceCsv("header missing").csv("01,5\n").expect(422, "VALIDATION_FAILED", "CSV_HEADER"));
        c.add(referenceCsv("empty body").raw("text/csv", f -> new byte[0]).expect(422, "VALIDATION_FAILED",
                "CSV_HEADER"));
        c.add(referenceCsv("unbalanced quote").csv("regionCode,value\n\"01,5\n").expect(422, "VALIDATION_FAILED",
                "MALFORMED_CSV"));
        c.add(referenceCsv("duplicate header").csv("regionCode,regionCode,value\n01,01,5\n").expect(422,
                "VALIDATION_FAILED", "MALFORMED_CSV"));
        c.add(referenceCsv("formula =cmd as region").csv("regionCode,value\n\"" + CALC.replace("\"", "\"\"")
                + "\",5\n").expect(422, "VALIDATION_FAILED", "UNKNOWN_REGION"));
        c.add(referenceCsv("formula + as value").csv("regionCode,value\n01,+1+1\n").expect(422, "VALIDATION_FAILED",
                "WRONG_TYPE"));
        c.add(referenceCsv("formula - as value").csv("regionCode,value\n01,-1+cmd\n").expect(422,
                "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(referenceCsv("formula @ as value").csv("regionCode,value\n01,@SUM(A1)\n").expect(422,
                "VALIDATION_FAILED", "WRONG_TYPE"));
        c.add(referenceCsv("formula = as value").csv("regionCode,value\n01,=1+1\n").expect(422, "VALIDATION_FAILED",
                "WRONG_TYPE"));
        c.add(referenceCsv("value 1e999999999").csv("regionCode,value\n01,1e999999999\n").expect(422,
                "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(referenceCsv("value 1e-999999999").csv("regionCode,value\n01,1e-999999999\n").expect(422,
                "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(referenceCsv("value Long.MAX + 1").csv("regionCode,value\n01," + LONG_MAX_PLUS_ONE + "\n").expect(422,
                "VALIDATION_FAILED", "OUT_OF_RANGE"));
        c.add(referenceCsv("NUL byte").csv("regionCode,value\n01\u0000,5\n").expect(422, "VALIDATION_FAILED",
                "INVALID_CHARACTER"));
        c.add(referenceCsv("invalid UTF-8").raw("text/csv", f -> withBytes("regionCode,value\n0", new byte[] {
            (byte) 0xFF }, ",5\n")).expect(422, "VALIDATION_FAILED", "UNKNOWN_REGION"));
        c.add(referenceCsv("10 MB body").raw("text/csv", f -> padded("regionCode,value\n\"", "\",1\n")).expect(413,
                "PAYLOAD_TOO_LARGE"));
        c.add(referenceCsv("wrong content type").raw("text/tab-separated-values", f -> "regionCode\tvalue\n01\t5\n"
                .getBytes()).expect(415, "UNSUPPORTED_MEDIA_TYPE"));
    }

    private static HostileCase.Builder referenceCsv(String name) {
        return named("reference CSV: " + name).call(INDICATOR, "PUT", "/api/reference/cancer-incidence/{year}",
                MONITOR);
    }

    // ---------------------------------------------------------------- actions without a body

    private static void actions(List<HostileCase> c) {
        c.add(named("recompute: 10 MB body").call(INDICATOR, "POST", "/api/recompute", ADMIN)
                .raw(JSON, f -> padded("\"", "\"")).expect(413, "PAYLOAD_TOO_LARGE"));
        c.add(named("recompute: GET").call(INDICATOR, "GET", "/api/recompute", ADMIN).expect(405,
                "METHOD_NOT_ALLOWED"));
        c.add(named("recompute: DELETE").call(INDICATOR, "DELETE", "/api/recompute", ADMIN).expect(405,
                "METHOD_NOT_ALLOWED"));
        c.add(named("recompute: by a monitor").call(INDICATOR, "POST", "/api/recompute", MONITOR).expect(403,
                "FORBIDDEN"));
        c.add(named("recompute: no token").call(INDICATOR, "POST", "/api/recompute", NONE).expect(401,
                "UNAUTHENTICATED"));
        c.add(named("recompute: forged token").call(INDICATOR, "POST", "/api/recompute", NONE)
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJyZWFsbV9hY2Nlc3MiOnsicm9sZXMiOlsiYWRtaW4iXX19.")
                .expect(401, "UNAUTHENTICATED"));
        c.add(named("rebuild: 10 MB body").call(REPORTING, "POST", "/api/admin/rebuild", ADMIN)
                .raw(JSON, f -> padded("\"", "\"")).expect(413, "PAYLOAD_TOO_LARGE"));
        c.add(named("rebuild: GET").call(REPORTING, "GET", "/api/admin/rebuild", ADMIN).expect(405,
                "METHOD_NOT_ALLOWED"));
        c.add(named("rebuild: by a viewer").call(REPORTING, "POST", "/api/admin/rebuild", VIEWER).expect(403,
                "FORBIDDEN"));
        c.add(named("rebuild: no token").call(REPORTING, "POST", "/api/admin/rebuild", NONE).expect(401,
                "UNAUTHENTICATED"));
        c.add(named("rebuild: forged token").call(REPORTING, "POST", "/api/admin/rebuild", NONE)
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJyZWFsbV9hY2Nlc3MiOnsicm9sZXMiOlsiYWRtaW4iXX19.")
                .expect(401, "UNAUTHENTICATED"));
    }

    // ---------------------------------------------------------------- generators

    /** {@code n} nested arrays: {@code [[[...]]]}. */
    static String nested(int n) {
        return "[".repeat(n) + "]".repeat(n);
    }

    /** {@code n} nested objects: {@code {"a":{"a":...{}}}}. */
    static String nestedObjects(int n) {
        return "{\"a\":".repeat(n) + "{}" + "}".repeat(n);
    }

    /** {@code head}, then 10 MB of filler inside what is meant to be a string, then {@code tail}. */
    static byte[] padded(String head, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(TEN_MB + 1024);
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        byte[] filler = new byte[TEN_MB];
        java.util.Arrays.fill(filler, (byte) 'a');
        out.writeBytes(filler);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Valid UTF-8 text around raw bytes that are not. */
    static byte[] withBytes(String head, byte[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

}
