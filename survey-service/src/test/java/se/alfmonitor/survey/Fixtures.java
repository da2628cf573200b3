package se.alfmonitor.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test data shared by the tests of this module (and reused by the end-to-end tests). */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** A complete, valid alf-usve 2021 answer set that meets every minimum level; a fresh copy each call. */
    public static ObjectNode completeAlfUsve() {
        return read("fixtures/alf-usve-2021-complete.json");
    }

    /** A complete, valid regional-research 2021 answer set. */
    public static ObjectNode completeRegionalResearch() {
        return read("fixtures/regional-research-2021-complete.json");
    }

    /** A complete, valid alf-region 2021 answer set (the regional management body's self-evaluation). */
    public static ObjectNode completeAlfRegion() {
        return read("fixtures/alf-region-2021-complete.json");
    }

    /** A complete, valid region-governance 2021 answer set (the region's research governance). */
    public static ObjectNode completeRegionGovernance() {
        return read("fixtures/region-governance-2021-complete.json");
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
