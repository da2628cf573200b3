package se.alfmonitor.indicator.reference;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.indicator.config.IndicatorConfig;
import se.alfmonitor.indicator.values.OrgUnitLevel;
import se.alfmonitor.indicator.values.WritersTurn;

/**
 * Population and new cancer cases per region and year. Every upload of a kind and year is a new version that
 * replaces the previous one as a whole; older versions stay for the record. Loading recomputes what uses them (the
 * study indicators, as {@link ReferenceLoadListener}s) in the loading transaction.
 */
@ApplicationScoped
public class ReferenceStatistics {

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 9999;
    /** Far above any region's population or case count, far below what the numeric columns could not hold. */
    private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000");
    private static final int MAX_DECIMALS = 6;

    private final ObjectMapper mapper;
    private final IndicatorConfig config;
    private final WritersTurn writersTurn;
    private final Instance<ReferenceLoadListener> listeners;

    public ReferenceStatistics(ObjectMapper mapper, IndicatorConfig config, WritersTurn writersTurn,
            Instance<ReferenceLoadListener> listeners) {
        this.mapper = mapper;
        this.config = config;
        this.writersTurn = writersTurn;
        this.listeners = listeners;
    }

    public enum Kind {
        POPULATION("population"),
        CANCER_INCIDENCE("cancer-incidence");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        public static Optional<Kind> ofPath(String path) {
            for (Kind kind : values()) {
                if (kind.path.equals(path)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public record Row(String regionCode, BigDecimal value) {
    }

    /** One version of one kind and year, as served. */
    public record Version(@Schema(enumeration = { "population", "cancer-incidence" }) String kind, int year,
            int version, String source, String loadedBy, Instant loadedAt,
            List<Row> values) {
    }

    /** A figure used in a computation, with where it came from. */
    public record Figure(BigDecimal value, int year, String source) {
    }

    @Transactional
    public Version loadJson(Kind kind, int year, String source, String body, String caller) {
        List<FieldError> errors = new ArrayList<>();
        checkYear(year, errors);
        List<Row> rows = new ArrayList<>();
        JsonNode root;
        try {
            // decimals as written: 1e400 is a number too large, not infinity
            root = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("MALFORMED_JSON", "The request body is not JSON",
                    List.of(new FieldError("MALFORMED_JSON", "/", e.getOriginalMessage())));
        }
        if (root == null || !root.isArray()) {
            errors.add(new FieldError("WRONG_TYPE", "/", "Expected an array of {regionCode, value}"));
        } else {
            for (int i = 0; i < root.size(); i++) {
                JsonNode row = root.get(i);
                rows.add(row(row.path("regionCode").isTextual() ? row.path("regionCode").asText() : null,
                        row.path("value").isNumber() ? row.path("value").asText() : null,
                        row.path("value").isMissingNode() || row.path("value").isNull(), "/" + i, errors));
            }
        }
        return store(kind, year, source, rows, errors, caller);
    }

    @Transactional
    public Version loadCsv(Kind kind, int year, String source, String body, String caller) {
        List<FieldError> errors = new ArrayList<>();
        checkYear(year, errors);
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        if (body != null && body.indexOf('\u0000') >= 0) {
            // trimming would silently drop it from a cell; no figure or region code contains it
            errors.add(new FieldError("INVALID_CHARACTER", "/", "The CSV contains the NUL character (U+0000)"));
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(body == null ? "" : body), format)) {
            if (!parser.getHeaderNames().containsAll(List.of("regionCode", "value"))) {
                errors.add(new FieldError("CSV_HEADER", "/0", "The first line must be the header regionCode,value"));
            } else {
                int i = 0;
                for (CSVRecord record : parser) {
                    String value = record.isSet("value") ? record.get("value") : null;
                    rows.add(row(record.isSet("regionCode") ? record.get("regionCode") : null, value,
                            value == null || value.isEmpty(), "/" + i++, errors));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // the parser reports an unclosed quote while iterating, wrapped as UncheckedIOException
            errors.add(new FieldError("MALFORMED_CSV", "/", e.getMessage()));
        }
        return store(kind, year, source, rows, errors, caller);
    }

    private static void checkYear(int year, List<FieldError> errors) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            errors.add(new FieldError("OUT_OF_RANGE", "?year", "The year must be between " + MIN_YEAR + " and "
                    + MAX_YEAR));
        }
    }

    private static Row row(String regionCode, String value, boolean missingValue, String pointer,
            List<FieldError> errors) {
        if (regionCode == null || regionCode.isEmpty()) {
            errors.add(new FieldError("REQUIRED_MISSING", pointer + "/regionCode", "regionCode is required"));
        } else if (!OrgUnitLevel.REGIONS.contains(regionCode)) {
            errors.add(new FieldError("UNKNOWN_REGION", pointer + "/regionCode",
                    "Not one of Sweden's 21 region codes: " + regionCode));
        }
        BigDecimal number = null;
        if (missingValue) {
            errors.add(new FieldError("REQUIRED_MISSING", pointer + "/value", "value is required"));
        } else {
            try {
                number = new BigDecimal(value);
                if (number.signum() < 0) {
                    errors.add(new FieldError("OUT_OF_RANGE", pointer + "/value", "value must not be negative"));
                } else if (number.compareTo(MAX_VALUE) > 0 || number.stripTrailingZeros().scale() > MAX_DECIMALS) {
                    // 1e999999999 or 1e-999999999 would overflow the database's numeric type
                    errors.add(new FieldError("OUT_OF_RANGE", pointer + "/value", "value must be at most "
                            + MAX_VALUE.toPlainString() + " with at most " + MAX_DECIMALS + " decimals"));
                    number = null;
                }
            } catch (NumberFormatException | NullPointerException e) {
                errors.add(new FieldError("WRONG_TYPE", pointer + "/value", "value must be a number"));
            }
        }
        return new Row(regionCode, number);
    }

    private Version store(Kind kind, int year, String source, List<Row> rows, List<FieldError> errors,
            String caller) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String region = rows.get(i).regionCode();
            if (region != null && !seen.add(region)) {
                errors.add(new FieldError("DUPLICATE_REGION", "/" + i + "/regionCode",
                        "Region " + region + " appears more than once"));
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("REQUIRED_MISSING", "/", "At least one region is required"));
        }
        if (source != null && source.length() > 500) {
            errors.add(new FieldError("OUT_OF_RANGE", "?source", "source is at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        // one loader at a time, and never beside a study computation: version numbers stay unique and the
        // recomputation below sees every study list committed before it
        writersTurn.take();
        ReferenceLoadEntity load = new ReferenceLoadEntity();
        load.kind = kind.name();
        load.year = year;
        load.version = (int) ReferenceLoadEntity.count("kind = ?1 and year = ?2", kind.name(), year) + 1;
        load.source = source;
        load.loadedBy = caller;
        load.loadedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        load.persist();
        for (Row row : rows) {
            ReferenceValueEntity value = new ReferenceValueEntity();
            value.loadId = load.id;
            value.regionCode = row.regionCode();
            value.value = row.value();
            value.persist();
        }
        ReferenceLoadEntity.flush();
        listeners.forEach(listener -> listener.loaded(kind, year));
        return toVersion(load);
    }

    public Optional<Version> latest(Kind kind, int year) {
        return latestLoad(kind, year).map(ReferenceStatistics::toVersion);
    }

    private static Optional<ReferenceLoadEntity> latestLoad(Kind kind, int year) {
        return ReferenceLoadEntity.<ReferenceLoadEntity>find("kind = ?1 and year = ?2", Sort.descending("version"),
                kind.name(), year).firstResultOptional();
    }

    /**
     * The figure of a region for a year: the latest version of the most recent year not after it (within the
     * configured look-back), from the reference statistics.
     */
    public Optional<Figure> lookup(Kind kind, String regionCode, int year) {
        for (int y = year; y >= year - config.referenceLookbackYears(); y--) {
            Optional<ReferenceLoadEntity> load = latestLoad(kind, y);
            if (load.isPresent()) {
                ReferenceValueEntity value = ReferenceValueEntity
                        .findById(new ReferenceValueEntity.Key(load.get().id, regionCode));
                if (value != null) {
                    return Optional.of(new Figure(value.value, y, load.get().source));
                }
            }
        }
        return Optional.empty();
    }

    private static Version toVersion(ReferenceLoadEntity load) {
        List<Row> rows = ReferenceValueEntity.<ReferenceValueEntity>find("loadId", Sort.by("regionCode"), load.id)
                .list().stream().map(v -> new Row(v.regionCode, v.value)).toList();
        return new Version(load.kind, load.year, load.version, load.source, load.loadedBy, load.loadedAt, rows);
    }
}
