package se.alfmonitor.indicator.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.IndicatorComputed;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;

/** One indicator value as a FHIR R4 summary {@code MeasureReport}, built with HAPI FHIR's R4 structures. */
@ApplicationScoped
public class MeasureReports {

    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String BASE = "https://alfmonitor.se/fhir";
    static final String INDICATOR_SYSTEM = BASE + "/CodeSystem/indicator";
    static final String ORG_UNIT_SYSTEM = BASE + "/NamingSystem/org-unit";
    static final String EXACT_NUMERATOR = BASE + "/StructureDefinition/exact-numerator";
    static final String EXACT_DENOMINATOR = BASE + "/StructureDefinition/exact-denominator";
    private static final String POPULATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-population";

    private final FhirContext fhir = FhirContext.forR4Cached();

    public String toJson(IndicatorComputed value, IndicatorDefinition definition) {
        return fhir.newJsonParser().encodeResourceToString(toMeasureReport(value, definition));
    }

    public MeasureReport toMeasureReport(IndicatorComputed value, IndicatorDefinition definition) {
        MeasureReport report = new MeasureReport();
        report.setId(resourceId(value));
        report.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
        report.setType(MeasureReport.MeasureReportType.SUMMARY);
        report.setMeasure(BASE + "/Measure/" + value.indicator());
        report.setDateElement(new DateTimeType(Date.from(value.computedAt()), TemporalPrecisionEnum.SECOND,
                java.util.TimeZone.getTimeZone("UTC")));
        report.setPeriod(period(value));
        report.setReporter(new Reference().setIdentifier(new Identifier().setSystem(ORG_UNIT_SYSTEM)
                .setValue(value.orgUnit())).setDisplay(value.orgUnitLevel() + " " + value.orgUnit()));

        MeasureReport.MeasureReportGroupComponent group = report.addGroup();
        group.setCode(new CodeableConcept(new Coding(INDICATOR_SYSTEM, value.indicator(), definition.nameEn()))
                .setText(definition.nameSv()));
        // FHIR population counts are integers; the exact, possibly fractional, parts travel in extensions
        addPopulation(group, "numerator", value.numerator(), EXACT_NUMERATOR);
        if (value.denominator() != null) {
            addPopulation(group, "denominator", value.denominator(), EXACT_DENOMINATOR);
        }
        if (value.value() != null) {
            Quantity score = new Quantity().setValue(value.value()).setUnit(definition.unit());
            if ("percent".equals(definition.unit())) {
                score.setSystem("http://unitsofmeasure.org").setCode("%");
            }
            group.setMeasureScore(score);
        }
        return report;
    }

    private static void addPopulation(MeasureReport.MeasureReportGroupComponent group, String code, BigDecimal count,
            String exactUrl) {
        MeasureReport.MeasureReportGroupPopulationComponent population = group.addPopulation();
        population.setCode(new CodeableConcept(new Coding(POPULATION_SYSTEM, code, null)));
        population.setCount(count.setScale(0, RoundingMode.HALF_UP).intValueExact());
        population.addExtension(exactUrl, new DecimalType(count));
    }

    /** {@code 2021} is the calendar year, {@code 2018-2021} the years from first to last. */
    static Period period(IndicatorComputed value) {
        String[] years = value.period().split("-");
        try {
            int first = Integer.parseInt(years[0]);
            int last = Integer.parseInt(years[years.length - 1]);
            return period(LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31));
        } catch (NumberFormatException e) {
            LocalDate day = value.computedAt().atZone(ZoneOffset.UTC).toLocalDate();
            return period(day, day);
        }
    }

    private static Period period(LocalDate start, LocalDate end) {
        Period period = new Period();
        period.setStartElement(new DateTimeType(start.toString()));
        period.setEndElement(new DateTimeType(end.toString()));
        return period;
    }

    /** FHIR ids allow letters, digits, '-' and '.', at most 64 characters. */
    static String resourceId(IndicatorComputed value) {
        String id = (value.indicator() + "." + value.orgUnit() + "." + value.period()).replaceAll("[^A-Za-z0-9.-]", "-");
        return id.length() <= 64 ? id : id.substring(0, 55) + "." + Integer.toHexString(id.hashCode());
    }
}
