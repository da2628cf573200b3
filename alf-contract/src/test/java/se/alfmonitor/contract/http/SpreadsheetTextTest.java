package se.alfmonitor.contract.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {

    @Test
    void textASpreadsheetWouldRunAsAFormulaGetsALeadingQuote() {
        assertThat(SpreadsheetText.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SpreadsheetText.safe("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetText.safe("-2")).isEqualTo("'-2");
        assertThat(SpreadsheetText.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.safe("\tindrag")).isEqualTo("'\tindrag");
        assertThat(SpreadsheetText.safe("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void otherTextIsUnchanged() {
        assertThat(SpreadsheetText.safe("Skåne, Örebro \"län\" = 1")).isEqualTo("Skåne, Örebro \"län\" = 1");
        assertThat(SpreadsheetText.safe("01-U1")).isEqualTo("01-U1");
        assertThat(SpreadsheetText.safe("")).isEmpty();
        assertThat(SpreadsheetText.safe(null)).isNull();
    }
}
