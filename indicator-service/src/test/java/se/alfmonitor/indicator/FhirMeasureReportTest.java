package se.alfmonitor.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.MeasureReport;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.testing.Tokens;

@QuarkusTest
class FhirMeasureReportTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void aValueAsMeasureReportPassesOfflineR4InstanceValidation() {
        int year = Events.uniqueYear();
        String campaign = "fhir-" + year;
        String unit = "FHIR_" + UUID.randomUUID().toString().substring(0, 8);
        Events.assessment(campaign, unit, "01", true, 0, List.of());
        String path = "/api/values/ALF-02/01/" + year;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.monitor())
                .get(path).then().statusCode(200));

        String json = given().auth().oauth2(Tokens.monitor()).accept("application/fhir+json").get(path)
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        MeasureReport report = FHIR.newJsonParser().parseResource(MeasureReport.class, json);
        assertThat(report.getStatus()).isEqualTo(MeasureReport.MeasureReportStatus.COMPLETE);
        assertThat(report.getMeasure()).endsWith("/Measure/ALF-02");
        assertThat(report.getPeriod().getStartElement().getValueAsString()).isEqualTo(year + "-01-01");
        assertThat(report.getReporter().getIdentifier().getValue()).isEqualTo("01");
        assertThat(report.getGroupFirstRep().getMeasureScore().getValue()).isEqualByComparingTo("100.0");
        assertThat(report.getGroupFirstRep().getPopulation()).extracting(p -> p.getCode().getCodingFirstRep().getCode())
                .containsExactly("numerator", "denominator");

        ValidationResult result = validator().validateWithResult(json);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
        assertThat(errors).as(() -> errors.stream().map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList().toString()).isEmpty();

        // the validator does find errors: a status outside the required value set is one
        assertThat(json).contains("\"status\":\"complete\"");
        assertThat(validator().validateWithResult(json.replace("\"status\":\"complete\"", "\"status\":\"final\""))
                .getMessages()).anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR);

        // a unit value for the unit level
        given().auth().oauth2(Tokens.admin()).accept("application/fhir+json")
                .get("/api/values/ALF-02/" + unit + "/" + year).then().statusCode(200)
                .body("resourceType", equalTo("MeasureReport"));
    }

    @Test
    void theFhirRepresentationIsForTheMonitor() {
        given().auth().oauth2(Tokens.viewer()).accept("application/fhir+json").get("/api/values/ALF-02/SE/2021")
                .then().statusCode(403).body("code", equalTo("FHIR_MONITOR_ONLY"));
        given().accept("application/fhir+json").get("/api/values/ALF-02/SE/2021").then().statusCode(401);
        given().auth().oauth2(Tokens.monitor()).accept("application/fhir+json").get("/api/values/ALF-02/SE/nope")
                .then().statusCode(404);
    }

    private static FhirValidator validator() {
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR));
        FhirValidator validator = FHIR.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
        return validator;
    }
}
