package se.alfmonitor.indicator.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import se.alfmonitor.indicator.config.IndicatorConfig;

/** Loads the configured catalogue version once. */
public class CatalogueProducer {

    @Produces
    @Singleton
    IndicatorCatalogue catalogue(IndicatorConfig config, ObjectMapper mapper) {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(config.catalogue())) {
            if (in == null) {
                throw new IllegalStateException("Indicator catalogue not found: " + config.catalogue());
            }
            return IndicatorCatalogue.load(in, mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
