package se.alfmonitor.indicator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class IndicatorCatalogueTest {

    private static IndicatorCatalogue catalogue;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = IndicatorCatalogueTest.class.getResourceAsStream("/indicators/catalogue-v1.json")) {
            catalogue = IndicatorCatalogue.load(in, new ObjectMapper());
        }
    }

    @Test
    void shipsEveryLevelShareAndTheQuestionnaireAndStudyIndicators() {
        assertThat(catalogue.version()).isEqualTo("1");
        for (int n = 1; n <= 27; n++) {
            assertThat(catalogue.find("ALF-01." + n)).as("ALF-01.%d", n).isPresent();
        }
        assertThat(catalogue.find("ALF-01.28")).isEmpty();
        assertThat(catalogue.definitions()).extracting(IndicatorDefinition::code).contains("ALF-02", "ALF-03.RESEARCH",
                "ALF-06", "ALF-06.P1", "ALF-06.KVINNOR", "ALF-07", "ALF-07.PHD_UNDER_7", "ALF-08", "ALF-09",
                "ALF-10", "ALF-11", "ALF-12", "ALF-12.SUCCESS_RATE", "CF-01", "CF-03",
                "CF-04", "CF-06", "CF-07");
        IndicatorDefinition cf01 = catalogue.find("CF-01").orElseThrow().definition();
        assertThat(cf01.factor()).isEqualByComparingTo("1000");
        assertThat(cf01.levels()).containsExactly("REGION", "ALF", "NATION");
        assertThat(catalogue.find("ALF-01.13").orElseThrow().definition().nameSv())
                .isEqualTo("Andel USVE som uppfyller miniminivå 13");
    }

    @Test
    void levelShareCountsMetAndNotApplicableAndLeavesPendingOutOfBoth() {
        IndicatorCatalogue.Compiled level5 = catalogue.find("ALF-01.5").orElseThrow();
        assertThat(level5.evaluate(Map.of("levels", Map.of("5", "NOT_APPLICABLE")))).hasValueSatisfying(p -> {
            assertThat(p.numerator()).isEqualByComparingTo("1");
            assertThat(p.denominator()).isEqualByComparingTo("1");
        });
        assertThat(level5.evaluate(Map.of("levels", Map.of("5", "NOT_MET")))).hasValueSatisfying(p -> {
            assertThat(p.numerator()).isEqualByComparingTo("0");
            assertThat(p.denominator()).isEqualByComparingTo("1");
        });
        assertThat(level5.evaluate(Map.of("levels", Map.of("5", "PENDING_REVIEW")))).hasValueSatisfying(p -> {
            assertThat(p.numerator()).isEqualByComparingTo("0");
            assertThat(p.denominator()).isEqualByComparingTo("0");
        });
    }

    @Test
    void missingInputsMeanNotCoveredAndCountsHaveNoDenominator() {
        IndicatorCatalogue.Compiled degrees = catalogue.find("ALF-08").orElseThrow();
        assertThat(degrees.evaluate(Map.of())).isEmpty();
        assertThat(degrees.evaluate(Map.of("doctoralDegrees", 4))).hasValueSatisfying(p -> {
            assertThat(p.numerator()).isEqualByComparingTo("4");
            assertThat(p.denominator()).isNull();
        });
        IndicatorCatalogue.Compiled researchers = catalogue.find("ALF-06.P1").orElseThrow();
        assertThat(researchers.evaluate(Map.of("s1_P1", 20L, "s2_P1", 2, "s3_P1", 3L, "s4_P1", 5)))
                .hasValueSatisfying(p -> {
                    assertThat(p.numerator()).isEqualByComparingTo("10");
                    assertThat(p.denominator()).isEqualByComparingTo("20");
                });
    }

    @Test
    void aFormulaThatDoesNotCompileStopsTheLoad() {
        String broken = """
                {"version": "x", "indicators": [{"code": "X-1", "nameSv": "x", "nameEn": "x", "factor": 1,
                  "formula": {"numerator": "inputs.a +"}}]}""";
        assertThatThrownBy(() -> IndicatorCatalogue.load(
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), new ObjectMapper()))
                .hasMessageContaining("X-1");
    }
}
