package se.alfmonitor.reporting.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/** The 27 minimum levels decided by Socialstyrelsen in December 2020, with their Swedish texts. */
@ApplicationScoped
public class MinimumLevels {

    private final List<MinimumLevel> levels;

    public MinimumLevels(ObjectMapper mapper) {
        try (InputStream in = MinimumLevels.class.getResourceAsStream("/minimum-levels.json")) {
            levels = List.copyOf(mapper.readValue(in, new TypeReference<List<MinimumLevel>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<MinimumLevel> all() {
        return levels;
    }
}
