package se.alfmonitor.assessment.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import se.alfmonitor.contract.events.LevelOutcome;

class SimulationCsvTest {

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreWrittenAsText() {
        for (String formula : List.of("=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx")) {
            assertThat(SimulationCsv.cell(formula)).isEqualTo("'" + formula);
        }
        assertThat(SimulationCsv.cell("01-KS-ONK")).isEqualTo("01-KS-ONK");
        assertThat(SimulationCsv.cell("")).isEmpty();
    }

    @Test
    void oneLinePerChangedUnitLevelUnderAHeader() {
        var explanation = JsonNodeFactory.instance.objectNode().put("sv", "=HYPERLINK(\"x\")")
                .put("en", "Level 8, \"quoted\"");
        String csv = SimulationCsv.write(List.of(new UnitChange("-01-X", "01", 8, LevelOutcome.MET,
                LevelOutcome.NOT_MET, explanation)));
        assertThat(csv.split("\r\n")).containsExactly(
                "unitId,regionCode,level,from,to,explanationSv,explanationEn",
                "'-01-X,01,8,MET,NOT_MET,\"'=HYPERLINK(\"\"x\"\")\",\"Level 8, \"\"quoted\"\"\"");
    }
}
