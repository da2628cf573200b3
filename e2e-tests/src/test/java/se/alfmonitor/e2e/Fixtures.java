package se.alfmonitor.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Answer sets shared with the services' own tests. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("alf.repository.root", "..")).toAbsolutePath()
            .normalize();

    private Fixtures() {
    }

    /** A complete, valid alf-usve 2021 answer set that meets every level. */
    public static Map<String, Object> completeAlfUsve() {
        return read("survey-service/src/test/resources/fixtures/alf-usve-2021-complete.json");
    }

    private static Map<String, Object> read(String path) {
        try {
            return JSON.readValue(ROOT.resolve(path).toFile(), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
