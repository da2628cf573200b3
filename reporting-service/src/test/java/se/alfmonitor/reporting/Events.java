package se.alfmonitor.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.CloudEvent;
import se.alfmonitor.contract.events.IndicatorComputed;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.events.UnitChanged;
import se.alfmonitor.testing.TopicProbe;

/** Puts events on the test broker's topics as the other services would. */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static void unit(String id, String region, boolean active) {
        send(Topic.UNITS, id, unitChanged(id, region, active));
    }

    /** A unit event as the record value, to send more than once. */
    static String unitEvent(String id, String region, boolean active) {
        try {
            return JSON.writeValueAsString(CloudEvent.create("/alf-monitor/test", Topic.UNITS, id,
                    unitChanged(id, region, active)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UnitChanged unitChanged(String id, String region, boolean active) {
        return new UnitChanged(id, "Enhet " + id, region, region, "Region " + region, 2020, true, active);
    }

    /** An assessment in which every level's explanation says which outcome it got, unless {@code explanation} does. */
    static void assessment(String campaign, String unitId, String region, Instant assessedAt,
            IntFunction<LevelOutcome> outcome, IntFunction<String> explanationSv) {
        List<AssessmentCompleted.Level> levels = new ArrayList<>();
        int met = 0;
        int pending = 0;
        for (int n = 1; n <= 27; n++) {
            LevelOutcome o = outcome.apply(n);
            met += o.fulfilled() ? 1 : 0;
            pending += o == LevelOutcome.PENDING_REVIEW ? 1 : 0;
            String sv = explanationSv.apply(n);
            ObjectNode explanation = JSON.createObjectNode()
                    .put("sv", sv == null ? "Nivå " + n + ": " + o : sv)
                    .put("en", "Level " + n + ": " + o);
            levels.add(new AssessmentCompleted.Level(n, area(n), o, explanation));
        }
        send(Topic.ASSESSMENTS, unitId, new AssessmentCompleted(unitId, region, campaign, UUID.randomUUID(), 1, 1,
                "test", assessedAt, met, met == 27, pending, levels));
    }

    static void assessment(String campaign, String unitId, String region, IntFunction<LevelOutcome> outcome) {
        assessment(campaign, unitId, region, Instant.now(), outcome, n -> null);
    }

    static void indicator(String code, String orgUnit, String period, String numerator, String denominator,
            String factor, String value) {
        send(Topic.INDICATORS, Topic.indicatorKey(code, orgUnit, period),
                new IndicatorComputed(code, orgUnit, orgUnit.length() == 2 ? "REGION" : "NATION", period,
                        new BigDecimal(numerator), denominator == null ? null : new BigDecimal(denominator), new BigDecimal(factor),
                        new BigDecimal(value), JSON.createObjectNode(), Instant.now()));
    }

    /**
     * An indicator value as indicator-service publishes an outcome figure of units: {@code inputs.groupSizeOf} names
     * the indicator whose denominator counts its responding units (null for other indicators).
     */
    static void indicator(String code, String orgUnit, String level, String period, String numerator,
            String denominator, String factor, String value, String groupSizeOf) {
        ObjectNode inputs = JSON.createObjectNode();
        if (groupSizeOf != null) {
            inputs.put("groupSizeOf", groupSizeOf);
        }
        send(Topic.INDICATORS, Topic.indicatorKey(code, orgUnit, period),
                new IndicatorComputed(code, orgUnit, level, period, new BigDecimal(numerator),
                        denominator == null ? null : new BigDecimal(denominator), new BigDecimal(factor),
                        value == null ? null : new BigDecimal(value), inputs, Instant.now()));
    }

    private static String area(int n) {
        return n == 1 ? "GENERAL" : n <= 11 ? "RESEARCH" : n <= 19 ? "EDUCATION" : "DEVELOPMENT";
    }

    private static void send(Topic topic, String key, Object data) {
        try {
            TopicProbe.send(topic.topicName(), key,
                    JSON.writeValueAsString(CloudEvent.create("/alf-monitor/test", topic, key, data)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a CSV body into rows of cells. */
    static List<List<String>> csv(String body) {
        try {
            com.fasterxml.jackson.dataformat.csv.CsvMapper mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
            mapper.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
            List<List<String>> rows = new ArrayList<>();
            try (var it = mapper.readerFor(String[].class).<String[]>readValues(body)) {
                while (it.hasNext()) {
                    rows.add(List.of(it.next()));
                }
            }
            return rows;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The row whose first cell among {@code column} equals {@code value}. */
    static List<String> row(List<List<String>> rows, int column, String value) {
        return rows.stream().filter(r -> r.size() > column && r.get(column).equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("No CSV row with " + value + " in column " + column + ": "
                        + rows));
    }
}
