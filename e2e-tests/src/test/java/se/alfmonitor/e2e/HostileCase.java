package se.alfmonitor.e2e;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import se.alfmonitor.e2e.Suite.Service;

/**
 * One hostile request and the answer it must get: the status, the problem's stable {@code code} and the codes that
 * must appear among its {@code errors}. {@link Expect#IMPORT_REJECTED} is the bulk import's way of refusing rows: a
 * 200 summary that imports nothing and lists the codes under {@code conflicts[].errors}.
 *
 * <p>Paths and bodies may name the suite's fixtures as placeholders ({@code {sub}}, {@code {draft}}, ...), filled in
 * by {@link HostileInputIT.Fixture}; a body is a generator, so 10 MB bodies and invalid bytes are built on demand.
 */
record HostileCase(String name, Service service, String method, String path, Caller caller, String contentType,
        Map<String, String> headers, Function<HostileInputIT.Fixture, byte[]> body, Expect expect, int status,
        String code, List<String> errorCodes) {

    enum Caller {
        NONE, REPORTER_01, REPORTER_03, ASSESSOR, MONITOR, VIEWER, ADMIN
    }

    enum Expect {
        PROBLEM, IMPORT_REJECTED
    }

    /** The endpoint as the summary groups it: service, method and the path template. */
    String endpoint() {
        String template = path.replaceAll("\\?.*", "")
                .replaceAll("^/api/(submissions|units|campaigns|reviews|rule-sets)/(?!validate$)[^/]+", "/api/$1/{id}")
                .replaceAll("^/api/reference/[^/]+/[^/]+", "/api/reference/{kind}/{year}");
        return service.module + " " + method + " " + template;
    }

    static Builder named(String name) {
        return new Builder(name);
    }

    static final class Builder {
        private final String name;
        private Service service;
        private String method;
        private String path;
        private Caller caller;
        private String contentType;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Function<HostileInputIT.Fixture, byte[]> body;

        private Builder(String name) {
            this.name = name;
        }

        Builder call(Service service, String method, String path, Caller caller) {
            this.service = service;
            this.method = method;
            this.path = path;
            this.caller = caller;
            return this;
        }

        Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body; placeholders are filled in from the fixture. */
        Builder json(String text) {
            return raw("application/json", f -> f.fill(text).getBytes(StandardCharsets.UTF_8));
        }

        /** A CSV body; placeholders are filled in from the fixture. */
        Builder csv(String text) {
            return raw("text/csv", f -> f.fill(text).getBytes(StandardCharsets.UTF_8));
        }

        Builder raw(String contentType, Function<HostileInputIT.Fixture, byte[]> body) {
            this.contentType = contentType;
            this.body = body;
            return this;
        }

        /** Keeps the content type, replaces the body. */
        Builder body(Function<HostileInputIT.Fixture, byte[]> body) {
            this.body = body;
            return this;
        }

        HostileCase expect(int status, String code, String... errorCodes) {
            return new HostileCase(name, service, method, path, caller, contentType, Map.copyOf(headers), body,
                    Expect.PROBLEM, status, code, List.of(errorCodes));
        }

        /** The import answers 200 but stores nothing and reports every row with these codes. */
        HostileCase expectImportRejected(String... errorCodes) {
            return new HostileCase(name, service, method, path, caller, contentType, Map.copyOf(headers), body,
                    Expect.IMPORT_REJECTED, 200, null, List.of(errorCodes));
        }
    }
}
