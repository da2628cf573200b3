package se.alfmonitor.survey.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.survey.questionnaire.QuestionnaireDefinition;
import se.alfmonitor.survey.questionnaire.QuestionnaireRegistry;

class CsvRowsTest {

    private static final QuestionnaireDefinition ALF = QuestionnaireRegistry
            .load(List.of("questionnaires/alf-usve-2021.json")).find("alf-usve", "2021").orElseThrow().definition();

    @Test
    void cellsBecomeTypedAnswersGroupedBySubmission() {
        String csv = """
                submissionId,campaignId,unitId,itemId,value,submit
                6f1c2d9e-4b7a-4e38-9d0b-2f6a1c3e5b70,alf-2018-2021,01-A,3,Det har funnits under hela perioden,true
                6f1c2d9e-4b7a-4e38-9d0b-2f6a1c3e5b70,alf-2018-2021,01-A,19b,NEJ,true
                6f1c2d9e-4b7a-4e38-9d0b-2f6a1c3e5b70,alf-2018-2021,01-A,14a,NATIONAL_STUDIES|pågående regionala studier,true
                6f1c2d9e-4b7a-4e38-9d0b-2f6a1c3e5b70,alf-2018-2021,01-A,15/2019,6,true
                6f1c2d9e-4b7a-4e38-9d0b-2f6a1c3e5b70,alf-2018-2021,01-A,15/2020,,true
                6f1c2d9e-4b7a-4e38-9d0b-2f6a1c3e5b70,alf-2018-2021,01-A,staffComposition/1/s1,12,true
                not-a-uuid,alf-2018-2021,01-B,30a,=cmd(),
                not-a-uuid,alf-2018-2021,01-B,15,3,
                """;
        List<ImportRow> rows = CsvRows.read(csv, campaign -> Optional.of(ALF));
        assertThat(rows).hasSize(2);
        ImportRow first = rows.get(0);
        assertThat(first.readErrors()).isEmpty();
        assertThat(first.submit()).isTrue();
        assertThat(first.lines()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(first.answers().toString()).isEqualTo("{\"3\":\"WHOLE_PERIOD\",\"19b\":\"NEJ\","
                + "\"14a\":[\"NATIONAL_STUDIES\",\"REGIONAL_STUDIES\"],\"15\":{\"2019\":6,\"2020\":null},"
                + "\"staffComposition\":[{},{\"s1\":12}]}");
        assertThat(rows.get(1).submissionId()).isNull();
        assertThat(rows.get(1).readErrors()).extracting(FieldError::code, FieldError::pointer)
                .containsExactly(tuple("INVALID_ID", "/submissionId"), tuple("UNSAFE_CSV_TEXT", "/answers/30a"),
                        tuple("INVALID_ITEM_PATH", "/answers/15"));
    }
}
