package se.alfmonitor.reporting.api.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsKeptAsText() throws Exception {
        CsvTable table = CsvTable.withHeaders("Nivå / Level", "Text / Text")
                .row(1, "=HYPERLINK(\"http://x\")")
                .row(2, "+1")
                .row(3, "-2")
                .row(4, "@SUM(A1)")
                .row(5, "\tindrag")
                .row(new BigDecimal("-1.5"), "Skåne, Örebro \"län\"")
                .row(null, true);

        assertThat(write(table)).isEqualTo("""
                "Nivå / Level","Text / Text"
                1,"'=HYPERLINK(""http://x"")"
                2,"'+1"
                3,"'-2"
                4,"'@SUM(A1)"
                5,"'\tindrag"
                -1.5,"Skåne, Örebro ""län""\"
                ,true
                """);
    }

    private static String write(CsvTable table) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter.write(table, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
