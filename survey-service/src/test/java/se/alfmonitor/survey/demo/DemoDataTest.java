package se.alfmonitor.survey.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import se.alfmonitor.survey.api.units.UnitDto;
import se.alfmonitor.survey.questionnaire.AnswerValidator;
import se.alfmonitor.survey.questionnaire.QuestionnaireDefinition;
import se.alfmonitor.survey.questionnaire.QuestionnaireRegistry;

class DemoDataTest {

    private static final QuestionnaireDefinition ALF = QuestionnaireRegistry
            .load(List.of("questionnaires/alf-usve-2021.json")).find("alf-usve", "2021").orElseThrow().definition();

    @Test
    void theRegistryHasTheRealNumberOfUnitsPerRegionWithUniqueIds() {
        List<UnitDto> units = DemoRegistry.units();
        Map<String, Long> perRegion = units.stream()
                .collect(Collectors.groupingBy(UnitDto::regionCode, Collectors.counting()));
        assertThat(perRegion).containsExactlyInAnyOrderEntriesOf(Map.of("01", 72L, "03", 23L, "05", 42L,
                "12", 50L, "14", 61L, "18", 25L, "24", 23L));
        assertThat(units).hasSize(296);
        assertThat(units).extracting(UnitDto::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("\\d{2}-[A-Z]{3}-\\d{3}"));
        assertThat(units).extracting(UnitDto::hostRegionCode).contains("23", "06");
        assertThat(units).filteredOn(u -> !u.directPatientContact()).isNotEmpty();
    }

    @Test
    void everyDemoAnswerSetIsValidAndTheyVary() {
        List<UnitDto> units = DemoRegistry.units();
        for (UnitDto unit : units) {
            ObjectNode answers = DemoAnswers.forUnit(unit, 2021);
            assertThat(AnswerValidator.validate(ALF, answers, AnswerValidator.Mode.COMPLETE))
                    .as("demo answers of %s", unit.id()).isEmpty();
            // the same seed gives the same answers
            assertThat(DemoAnswers.forUnit(unit, 2021)).isEqualTo(answers);
        }
        long answering = units.stream().filter(DemoDataLoader::answers).count();
        assertThat(answering).isBetween(250L, 285L);
        long level1Unmet = units.stream().map(u -> DemoAnswers.forUnit(u, 2021))
                .filter(a -> !"WHOLE_PERIOD".equals(a.path("3").asText())).count();
        long withoutStudents = units.stream().map(u -> DemoAnswers.forUnit(u, 2021))
                .filter(a -> "NEJ".equals(a.path("19b").asText())).count();
        assertThat(level1Unmet).isBetween(5L, 80L);
        assertThat(withoutStudents).isBetween(5L, 100L);
    }
}
