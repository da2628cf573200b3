package se.alfmonitor.indicator.catalogue;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import se.alfmonitor.indicator.values.OrgUnitLevel;

/**
 * One indicator of the catalogue, as served by {@code GET /api/indicators}. The contract fields are {@code code,
 * nameSv, nameEn, numerator, denominator, factor, unit, levels, source}; the rest says how it is computed.
 *
 * @param numerator the numerator in plain words
 * @param denominator the denominator in plain words; null for count indicators
 * @param formula the CEL expressions over the named inputs that compute numerator and denominator
 * @param feed which data computes it: {@code ASSESSMENT}, {@code QUESTIONNAIRE} (answers of {@link #questionnaire}),
 *        {@code CANCER_STUDIES} (the Cancerfonden method) or {@code STARTED_STUDIES} (distinct study counts)
 * @param yearItem for calendar-year indicators, the yearly item whose years give the periods
 * @param studySelection for study indicators, the CEL condition over {@code study} and {@code period} a study must
 *        meet
 * @param minimumLevels for level means, the minimum levels averaged
 * @param groupSize for outcome figures of units (shares of assessed units and their means), where the number of
 *        responding units behind a value is found; such a value of 1 or 2 units is suppressed for callers who may not
 *        see units (the small-group rule); null for every other indicator
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndicatorDefinition(
        String code,
        String version,
        String nameSv,
        String nameEn,
        String numerator,
        String denominator,
        Formula formula,
        BigDecimal factor,
        String unit,
        PeriodType periodType,
        @Schema(type = SchemaType.ARRAY, implementation = OrgUnitLevel.class) List<String> levels,
        String source,
        @Schema(enumeration = { FEED_ASSESSMENT, FEED_QUESTIONNAIRE, FEED_CANCER_STUDIES, FEED_STARTED_STUDIES,
                FEED_ONGOING_STUDIES, FEED_LEVEL_MEAN, FEED_REGISTRY }) String feed,
        String questionnaire,
        @Schema(enumeration = { "UNIT", "REGION", "ALF", "NATION" }) String baseLevel,
        String yearItem,
        String studySelection,
        List<Integer> minimumLevels,
        String caveats,
        GroupSize groupSize) {

    public static final String FEED_ASSESSMENT = "ASSESSMENT";
    public static final String FEED_QUESTIONNAIRE = "QUESTIONNAIRE";
    public static final String FEED_CANCER_STUDIES = "CANCER_STUDIES";
    public static final String FEED_STARTED_STUDIES = "STARTED_STUDIES";
    /** Distinct studies selected at the campaign's snapshot (CF-05). */
    public static final String FEED_ONGOING_STUDIES = "ONGOING_STUDIES";
    /** The unweighted mean of the {@code ALF-01.<n>} shares of {@link #minimumLevels} at the same org unit. */
    public static final String FEED_LEVEL_MEAN = "LEVEL_MEAN";
    /** Active registered units (from {@code alf.units.v1}) and those of them that submitted (ALF-05). */
    public static final String FEED_REGISTRY = "REGISTRY";

    /** @param denominator null for count indicators */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Formula(String numerator, String denominator) {
    }

    /**
     * Where the number of responding units behind a value is found.
     *
     * @param denominatorOf the indicator whose denominator at the same org unit and period counts the responding
     *        units: the indicator itself for a share of units (ALF-01, ALF-02, ALF-03), another one for a value derived
     *        from shares (ALF-04 names ALF-02)
     */
    public record GroupSize(String denominatorOf) {
    }

    public enum PeriodType {
        /** The campaign's span, e.g. {@code 2018-2021}. */
        EVALUATION_ROUND,
        /** The year of the campaign's reference date (its last year). */
        REFERENCE_DATE,
        /** Each year the {@link IndicatorDefinition#yearItem} answers. */
        CALENDAR_YEAR,
        /** The year of the campaign's study snapshot (its last year). */
        SNAPSHOT
    }

    /** Whether the small-group rule applies to this indicator's values. */
    @JsonIgnore
    public boolean isUnitOutcome() {
        return groupSize != null;
    }

    public boolean isCount() {
        return formula.denominator() == null;
    }

    /**
     * Whether the values above the base level are the sums of the base values' parts (and so rolled up from them),
     * rather than computed at every level from other data (level means, distinct study counts, the registry).
     */
    @JsonIgnore
    public boolean isSummed() {
        return FEED_ASSESSMENT.equals(feed) || FEED_QUESTIONNAIRE.equals(feed);
    }
}
