package se.alfmonitor.indicator.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue.Compiled;
import se.alfmonitor.indicator.config.IndicatorConfig;
import se.alfmonitor.indicator.indicators.StudyRecords.Report;
import se.alfmonitor.indicator.reference.ReferenceStatistics;
import se.alfmonitor.indicator.reference.ReferenceStatistics.Figure;
import se.alfmonitor.indicator.reference.ReferenceStatistics.Kind;

/**
 * What the study indicators read of the regions' submitted research questionnaires: their study lists as
 * {@link StudyRecords.Report}s, and population and new cancer cases from the reference statistics or, failing those,
 * the region's own submitted figures.
 */
@ApplicationScoped
public class StudyLists {

    static final String STUDIES_ITEM = "clinicalStudies";
    static final String POPULATION_ITEM = "population";

    private final ReferenceStatistics reference;
    private final ObjectMapper mapper;
    private final IndicatorConfig config;

    public StudyLists(ReferenceStatistics reference, ObjectMapper mapper, IndicatorConfig config) {
        this.reference = reference;
        this.mapper = mapper;
        this.config = config;
    }

    /** Every region's latest regional research submission of every campaign. */
    static List<SubmissionAnswersEntity> regional() {
        return SubmissionAnswersEntity.list("questionnaireKey", StudyIndicators.REGIONAL_QUESTIONNAIRE);
    }

    /** The rows of every region's study list, each with whether the indicator's study selection takes it. */
    List<Report> reports(List<SubmissionAnswersEntity> submissions, Compiled indicator, String period) {
        List<Report> reports = new ArrayList<>();
        for (SubmissionAnswersEntity submission : submissions) {
            for (JsonNode row : submission.answers.path(STUDIES_ITEM)) {
                String registryId = row.path("registryId").asText("").trim();
                if (registryId.isEmpty()) {
                    continue;
                }
                List<String> ids = new ArrayList<>(List.of(registryId));
                for (String other : row.path("otherRegistryIds").asText("").split(",")) {
                    if (!other.isBlank()) {
                        ids.add(other.trim());
                    }
                }
                Set<String> regions = new TreeSet<>();
                row.path("participatingRegions").forEach(r -> regions.add(r.asText()));
                Map<String, Object> study = mapper.convertValue(row, new TypeReference<Map<String, Object>>() {
                });
                startYear(row).ifPresent(y -> study.put("startYear", y));
                reports.add(new Report(submission.regionCode, ids, regions, longOrNull(row.path("enrolledPatients")),
                        row.path("enrolmentType").asText(null), longOrNull(row.path("patientsInRegion")),
                        indicator.selects(study, period)));
            }
        }
        return reports;
    }

    /** A reference figure, or failing that the region's own submitted figure for the year or the years before. */
    Optional<Figure> figure(Kind kind, String region, int year, List<SubmissionAnswersEntity> submissions) {
        Optional<Figure> loaded = reference.lookup(kind, region, year);
        if (loaded.isPresent()) {
            return loaded;
        }
        String item = kind == Kind.POPULATION ? POPULATION_ITEM : "newCancerCases";
        for (SubmissionAnswersEntity submission : submissions) {
            if (!submission.regionCode.equals(region)) {
                continue;
            }
            JsonNode byYear = submission.answers.path(item);
            for (int y = year; y >= year - config.referenceLookbackYears(); y--) {
                JsonNode value = byYear.path(String.valueOf(y));
                if (value.isNumber()) {
                    return Optional.of(new Figure(value.decimalValue(), y,
                            "submission " + submission.submissionId + " of region " + region));
                }
            }
        }
        return Optional.empty();
    }

    /** The year of a study row's start date, when it has one. */
    static Optional<String> startYear(JsonNode row) {
        String date = row.path("startDate").asText("");
        return date.matches("\\d{4}-.*") ? Optional.of(date.substring(0, 4)) : Optional.empty();
    }

    private static Long longOrNull(JsonNode node) {
        return node.isIntegralNumber() ? node.asLong() : null;
    }
}
