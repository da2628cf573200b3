package se.alfmonitor.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The endpoints of the integration contract ({@code docs/contract.md}) as data: every endpoint its "Method and path"
 * tables name, each under the service its heading names, and its table "who may call each endpoint" (one row per
 * endpoint, a column per caller). Also the matching of a contract path with an OpenAPI path template, so that the
 * tests can compare the contract with what the services serve without a list of their own.
 */
final class ContractDocument {

    static final List<String> SERVICES = List.of("survey-service", "assessment-service", "indicator-service",
            "reporting-service");

    /** The callers of the authorization table, by its column headings; region 01 owns what the calls address. */
    enum Caller {
        NO_TOKEN("no token"), REPORTER_OWN("reporter, own region"), REPORTER_OTHER("reporter, other region"),
        ASSESSOR("assessor"), MONITOR("monitor"), VIEWER("viewer"), ADMIN("admin");

        final String heading;

        Caller(String heading) {
            this.heading = heading;
        }
    }

    /** One endpoint: the service, the method and the path as the contract writes it (without its query). */
    record Endpoint(String service, String method, String path) {

        /** Whether the service's operation {@code method openApiPath} is this endpoint. */
        boolean matches(String service, String method, String openApiPath) {
            if (!this.service.equals(service) || !this.method.equalsIgnoreCase(method)) {
                return false;
            }
            String[] mine = path.split("/", -1);
            String[] theirs = openApiPath.split("/", -1);
            if (mine.length != theirs.length) {
                return false;
            }
            for (int i = 0; i < mine.length; i++) {
                boolean variable = theirs[i].startsWith("{") && theirs[i].endsWith("}");
                if (!variable && !theirs[i].equals(mine[i])) {
                    return false;
                }
            }
            return true;
        }

        /** A page the service serves as a static file, not an API operation. */
        boolean isPage() {
            return path.equals("/") || path.endsWith(".html");
        }

        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    /** A row of the authorization table: who gets past authorization. */
    record Access(Endpoint endpoint, Set<Caller> allowed) {
    }

    /** An operation of a service's OpenAPI document. */
    record Operation(String service, String method, String path) {

        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    private static final Pattern ENDPOINT = Pattern.compile("`(GET|PUT|POST|DELETE|PATCH) (/[^`?\\s]*)[^`]*`");
    private static final String AUTHORIZATION_HEADING = "who may call each endpoint";
    private static final String ALLOWED = "✓";
    private static final String REFUSED = "–";

    private final List<String> lines;

    private ContractDocument(List<String> lines) {
        this.lines = lines;
    }

    static ContractDocument read(Path repositoryRoot) {
        try {
            return new ContractDocument(Files.readAllLines(repositoryRoot.resolve("docs/contract.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root, as the build passes it, or the parent of the module's folder. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("alf.repository.root", "..")).toAbsolutePath().normalize();
    }

    /** Every endpoint of the "Method and path" tables, under the service of the nearest heading above the table. */
    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        String service = null;
        boolean inEndpointTable = false;
        for (String line : lines) {
            if (line.startsWith("#")) {
                service = SERVICES.stream().filter(line::contains).findFirst().orElse(null);
                inEndpointTable = false;
            } else if (line.startsWith("| Method and path")) {
                inEndpointTable = true;
            } else if (!line.startsWith("|")) {
                inEndpointTable = false;
            } else if (inEndpointTable && service != null) {
                String first = cells(line).get(0);
                Matcher matcher = ENDPOINT.matcher(first);
                while (matcher.find()) {
                    endpoints.add(new Endpoint(service, matcher.group(1), matcher.group(2)));
                }
            }
        }
        return endpoints;
    }

    /** The rows of the authorization table, read by its column headings. */
    List<Access> authorization() {
        List<Access> rows = new ArrayList<>();
        boolean inSection = false;
        List<String> headings = null;
        for (String line : lines) {
            if (line.startsWith("#")) {
                inSection = line.toLowerCase(Locale.ROOT).contains(AUTHORIZATION_HEADING);
                headings = null;
            } else if (inSection && line.startsWith("|")) {
                List<String> cells = cells(line);
                if (headings == null) {
                    headings = cells;
                } else if (!cells.get(0).startsWith("---")) {
                    rows.add(access(headings, cells, line));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("docs/contract.md has no table under a heading '" + AUTHORIZATION_HEADING
                    + "'");
        }
        return rows;
    }

    private static Access access(List<String> headings, List<String> cells, String line) {
        Matcher matcher = ENDPOINT.matcher(cells.get(headings.indexOf("Method and path")));
        if (!matcher.find()) {
            throw new IllegalStateException("not an endpoint: " + line);
        }
        Endpoint endpoint = new Endpoint(cells.get(headings.indexOf("Service")), matcher.group(1), matcher.group(2));
        Set<Caller> allowed = EnumSet.noneOf(Caller.class);
        for (Caller caller : Caller.values()) {
            int column = headings.indexOf(caller.heading);
            if (column < 0) {
                throw new IllegalStateException("the authorization table has no column '" + caller.heading + "'");
            }
            String cell = cells.get(column);
            if (cell.equals(ALLOWED)) {
                allowed.add(caller);
            } else if (!cell.equals(REFUSED)) {
                throw new IllegalStateException("a cell is neither " + ALLOWED + " nor " + REFUSED + ": " + line);
            }
        }
        return new Access(endpoint, allowed);
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /** The operations of an OpenAPI document (JSON). */
    static List<Operation> operations(String service, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (Set.of("GET", "PUT", "POST", "DELETE", "PATCH").contains(method)) {
                    operations.add(new Operation(service, method, path.getKey()));
                }
            }
        }
        return operations;
    }

    static JsonNode readJson(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
