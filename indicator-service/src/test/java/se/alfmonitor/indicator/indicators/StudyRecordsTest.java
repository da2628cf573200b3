package se.alfmonitor.indicator.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.alfmonitor.indicator.indicators.StudyRecords.Report;
import se.alfmonitor.indicator.indicators.StudyRecords.Study;
import se.alfmonitor.indicator.indicators.StudyRecords.Tally;

/** The worked example of indicators.md §2.3 with regions A = 01, B = 03, C = 05. */
class StudyRecordsTest {

    private static final Map<String, BigDecimal> POPULATION = Map.of("01", new BigDecimal("2000000"), "03",
            new BigDecimal("1500000"), "05", new BigDecimal("500000"));

    @Test
    void workedExampleAttributesByPopulationExcludesUncountedStudiesAndConservesTotals() {
        List<Report> reports = List.of(
                report("01", "S1", Set.of("01", "03", "05"), 400L, null),
                report("03", "S1", Set.of("01", "03", "05"), 400L, null),
                report("05", "S1", Set.of("01", "03", "05"), 400L, null),
                report("01", "S2", Set.of("01", "03"), 140L, null),
                report("03", "S2", Set.of("01", "03"), 140L, null),
                report("05", "S3", Set.of("05"), 30L, null),
                report("01", "S4", Set.of("01"), 100L, null),
                report("01", "S5", Set.of("01", "05"), null, null),
                report("05", "S5", Set.of("01", "05"), null, null));
        List<Study> studies = StudyRecords.deduplicate(reports);
        assertThat(studies).hasSize(5);

        Map<String, Tally> tallies = StudyRecords.attribute(studies, r -> Optional.ofNullable(POPULATION.get(r)));
        assertThat(tallies.get("01").patients).isEqualByComparingTo("380");
        assertThat(tallies.get("03").patients).isEqualByComparingTo("210");
        assertThat(tallies.get("05").patients).isEqualByComparingTo("80");
        assertThat(tallies.get("01").studies).isEqualTo(4);
        assertThat(tallies.get("01").excluded).isEqualTo(1);
        assertThat(tallies.get("05").studies).isEqualTo(3);
        assertThat(StudyRecords.distinct(studies, r -> true)).containsExactly(5, 1);
    }

    @Test
    void splitsKeepFractionsAndOtherRegistryIdsMergeStudies() {
        Report viaNct = report("01", "NCT1", Set.of("01", "03"), 100L, null);
        Report viaEu = new Report("03", List.of("EU-1", "NCT1"), Set.of("03"), 100L, "PLANNED", null, true);
        List<Study> studies = StudyRecords.deduplicate(List.of(viaNct, viaEu));
        assertThat(studies).hasSize(1);
        Map<String, Tally> tallies = StudyRecords.attribute(studies, r -> Optional.ofNullable(POPULATION.get(r)));
        assertThat(tallies.get("01").patients.setScale(6, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("57.142857");
        assertThat(tallies.get("01").patients.add(tallies.get("03").patients)).isEqualByComparingTo("100");
    }

    @Test
    void knownRegionalEnrolmentIsUsedAndTheRestSplitByPopulation() {
        List<Study> studies = StudyRecords.deduplicate(List.of(
                report("05", "S9", Set.of("01", "03", "05"), 400L, 120L)));
        Map<String, Tally> tallies = StudyRecords.attribute(studies, r -> Optional.ofNullable(POPULATION.get(r)));
        assertThat(tallies.get("05").patients).isEqualByComparingTo("120");
        assertThat(tallies.get("05").attributedBySite).isEqualTo(1);
        // 280 left, split 2.0 : 1.5 between the regions without a site count
        assertThat(tallies.get("01").patients).isEqualByComparingTo("160");
        assertThat(tallies.get("03").patients).isEqualByComparingTo("120");
    }

    private static Report report(String region, String id, Set<String> regions, Long patients, Long site) {
        return new Report(region, List.of(id), regions, patients, patients == null ? null : "PLANNED", site, true);
    }
}
