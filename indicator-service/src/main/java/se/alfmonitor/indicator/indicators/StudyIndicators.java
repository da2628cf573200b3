package se.alfmonitor.indicator.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue.Compiled;
import se.alfmonitor.indicator.catalogue.IndicatorCatalogue.Parts;
import se.alfmonitor.indicator.catalogue.IndicatorDefinition;
import se.alfmonitor.indicator.config.IndicatorConfig;
import se.alfmonitor.indicator.indicators.StudyRecords.Study;
import se.alfmonitor.indicator.indicators.StudyRecords.Tally;
import se.alfmonitor.indicator.reference.ReferenceLoadListener;
import se.alfmonitor.indicator.reference.ReferenceStatistics.Figure;
import se.alfmonitor.indicator.reference.ReferenceStatistics.Kind;
import se.alfmonitor.indicator.values.NewValue;
import se.alfmonitor.indicator.values.OrgUnitLevel;
import se.alfmonitor.indicator.values.ValueStore;
import se.alfmonitor.indicator.values.WritersTurn;

/**
 * The indicators computed from the regions' study lists: CF-01 (patients per 1,000 new cancer cases, the
 * Cancerfonden method) and the distinct counts of started studies per 100,000 inhabitants (CF-03, CF-04). A study
 * list of one region changes the values of every region it shares studies with, so a regional submission recomputes
 * the whole period (a batch of them each period once); only values that changed are stored and published.
 */
@ApplicationScoped
public class StudyIndicators implements ReferenceLoadListener {

    public static final String REGIONAL_QUESTIONNAIRE = "regional-research";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final IndicatorCatalogue catalogue;
    private final ValueStore values;
    private final WritersTurn writersTurn;
    private final StudyLists lists;
    private final IndicatorConfig config;

    public StudyIndicators(IndicatorCatalogue catalogue, ValueStore values, WritersTurn writersTurn,
            StudyLists lists, IndicatorConfig config) {
        this.catalogue = catalogue;
        this.values = values;
        this.writersTurn = writersTurn;
        this.lists = lists;
        this.config = config;
    }

    /**
     * After regional submissions (stored in this transaction): the snapshot periods of their campaigns, the start
     * years their studies list, and the start years (of any region's studies) whose population their own population
     * figures may be (CF-03 and CF-04 divide by it), each computed once from the study lists of every region, read
     * once. So the values do not depend on the order in which regions report.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onRegionalSubmissions(List<SubmittedAnswers> submissions) {
        Set<String> snapshots = new TreeSet<>();
        Set<String> years = new TreeSet<>();
        Set<Integer> populationYears = new TreeSet<>();
        for (SubmittedAnswers submission : submissions) {
            snapshots.add(Periods.referenceYear(submission.campaignId()));
            for (JsonNode row : submission.answers().path(StudyLists.STUDIES_ITEM)) {
                StudyLists.startYear(row).ifPresent(years::add);
            }
            submission.answers().path(StudyLists.POPULATION_ITEM).fields().forEachRemaining(figure -> {
                if (figure.getKey().matches("\\d{4}") && figure.getValue().isNumber()) {
                    populationYears.add(Integer.parseInt(figure.getKey()));
                }
            });
        }
        // the turn before the study lists are read: a concurrent writer of another region's list has committed
        // before it, or will read this one's after
        writersTurn.take();
        List<SubmissionAnswersEntity> all = StudyLists.regional();
        if (!populationYears.isEmpty()) {
            for (SubmissionAnswersEntity submission : all) {
                for (JsonNode row : submission.answers.path(StudyLists.STUDIES_ITEM)) {
                    Optional<String> start = StudyLists.startYear(row);
                    start.filter(y -> populationYears.stream().anyMatch(p -> p <= Integer.parseInt(y)
                            && Integer.parseInt(y) <= p + config.referenceLookbackYears())).ifPresent(years::add);
                }
            }
        }
        recompute(snapshots, years, all);
    }

    /** After reference statistics change, in the loading transaction: {@link #recomputeAll}. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void loaded(Kind kind, int year) {
        recomputeAll();
    }

    /** Every period that has study lists. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recomputeAll() {
        writersTurn.take();
        List<SubmissionAnswersEntity> submissions = StudyLists.regional();
        Set<String> snapshots = new TreeSet<>();
        Set<String> years = new TreeSet<>();
        for (SubmissionAnswersEntity submission : submissions) {
            snapshots.add(Periods.referenceYear(submission.campaignId));
            for (JsonNode row : submission.answers.path(StudyLists.STUDIES_ITEM)) {
                StudyLists.startYear(row).ifPresent(years::add);
            }
        }
        recompute(snapshots, years, submissions);
    }

    /** The values of the given periods from the given study lists (all regions'), written together. */
    private void recompute(Set<String> snapshots, Set<String> years, List<SubmissionAnswersEntity> submissions) {
        List<NewValue> computed = new ArrayList<>();
        snapshots.forEach(period -> cancerStudies(period, submissions, computed));
        years.forEach(year -> startedStudies(year, submissions, computed));
        values.recordAll(computed);
    }

    // ---- CF-01 -----------------------------------------------------------------------------------------------

    private void cancerStudies(String period, List<SubmissionAnswersEntity> all,
            List<NewValue> computed) {
        if (!period.matches("\\d{4}")) {
            return;
        }
        int year = Integer.parseInt(period);
        List<SubmissionAnswersEntity> submissions = all.stream()
                .filter(s -> Periods.referenceYear(s.campaignId).equals(period)).toList();
        for (Compiled indicator : catalogue.byFeed(IndicatorDefinition.FEED_CANCER_STUDIES)) {
            List<Study> studies = StudyRecords.deduplicate(lists.reports(submissions, indicator, period));
            Map<String, Optional<Figure>> populations = new TreeMap<>();
            Map<String, Tally> tallies = StudyRecords.attribute(studies, region -> populations
                    .computeIfAbsent(region, r -> lists.figure(Kind.POPULATION, r, year, submissions))
                    .map(Figure::value));
            Set<String> regions = new TreeSet<>(tallies.keySet());
            submissions.forEach(s -> regions.add(s.regionCode));

            Map<String, BigDecimal> numerators = new TreeMap<>();
            Map<String, BigDecimal> denominators = new TreeMap<>();
            Set<Integer> incidenceYears = new TreeSet<>();
            Set<Integer> populationYears = new TreeSet<>();
            for (String region : regions) {
                Tally tally = tallies.getOrDefault(region, new StudyRecords.Tally());
                Optional<Figure> incidence = lists.figure(Kind.CANCER_INCIDENCE, region, year, submissions);
                Optional<Figure> population = populations.computeIfAbsent(region,
                        r -> lists.figure(Kind.POPULATION, r, year, submissions));
                Map<String, Object> inputs = new LinkedHashMap<>();
                inputs.put("attributedPatients", tally.patients);
                incidence.ifPresent(f -> inputs.put("newCancerCases", f.value()));
                Optional<Parts> parts = indicator.evaluate(inputs);
                parts.ifPresent(p -> {
                    numerators.put(region, p.numerator());
                    denominators.put(region, p.denominator());
                });
                incidence.ifPresent(f -> {
                    incidenceYears.add(f.year());
                });
                population.ifPresent(f -> populationYears.add(f.year()));

                Map<String, Object> details = new LinkedHashMap<>();
                details.put("attributedPatients", tally.patients);
                details.put("plannedPatients", tally.plannedPatients);
                details.put("actualPatients", tally.actualPatients);
                details.put("studiesInvolving", tally.studies);
                details.put("studiesExcluded", tally.excluded);
                details.put("excludedShare", share(tally.excluded, tally.studies));
                details.put("excludedStudies", List.copyOf(tally.excludedIds));
                details.put("studiesAttributedBySite", tally.attributedBySite);
                details.put("studiesSplitEqually", tally.splitEqually);
                details.putAll(referenceYears(year, incidence.map(Figure::year).map(Set::of).orElse(Set.of()),
                        population.map(Figure::year).map(Set::of).orElse(Set.of())));
                incidence.ifPresent(f -> details.put("incidenceSource", f.source()));
                population.ifPresent(f -> details.put("populationSource", f.source()));
                computed.add(new NewValue(indicator.definition(), region, OrgUnitLevel.REGION, region,
                        period, parts.orElse(null), details));
            }
            aggregateCancer(indicator, period, year, studies, numerators, denominators, regions, incidenceYears,
                    populationYears, OrgUnitLevel.ALF, OrgUnitLevel.ALF_ID, OrgUnitLevel.ALF_REGIONS::contains,
                    computed);
            aggregateCancer(indicator, period, year, studies, numerators, denominators, regions, incidenceYears,
                    populationYears, OrgUnitLevel.NATION, OrgUnitLevel.NATION_ID, r -> true, computed);
        }
        ongoingStudies(period, submissions, computed);
    }

    /** CF-05: distinct studies at the snapshot, once in each region and once at every higher level. */
    private void ongoingStudies(String period, List<SubmissionAnswersEntity> submissions,
            List<NewValue> computed) {
        for (Compiled indicator : catalogue.byFeed(IndicatorDefinition.FEED_ONGOING_STUDIES)) {
            List<Study> studies = StudyRecords.deduplicate(lists.reports(submissions, indicator, period));
            Set<String> regions = new TreeSet<>();
            studies.forEach(s -> regions.addAll(s.regions()));
            submissions.forEach(s -> regions.add(s.regionCode));
            for (String region : regions) {
                computed.add(count(indicator, region, OrgUnitLevel.REGION, region, period,
                        StudyRecords.distinct(studies, region::equals)[0]));
            }
            if (regions.stream().anyMatch(OrgUnitLevel.ALF_REGIONS::contains)) {
                computed.add(count(indicator, OrgUnitLevel.ALF_ID, OrgUnitLevel.ALF, null, period,
                        StudyRecords.distinct(studies, OrgUnitLevel.ALF_REGIONS::contains)[0]));
            }
            if (!regions.isEmpty()) {
                computed.add(count(indicator, OrgUnitLevel.NATION_ID, OrgUnitLevel.NATION, null, period,
                        StudyRecords.distinct(studies, r -> true)[0]));
            }
        }
    }

    private static NewValue count(Compiled indicator, String orgUnit, OrgUnitLevel level,
            String regionCode, String period, int count) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("ongoingStudies", count);
        Map<String, Object> details = new LinkedHashMap<>(inputs);
        details.put("distinctCount", true);
        return new NewValue(indicator.definition(), orgUnit, level, regionCode, period,
                indicator.evaluate(inputs).orElse(null), details);
    }

    private void aggregateCancer(Compiled indicator, String period, int year, List<Study> studies,
            Map<String, BigDecimal> numerators, Map<String, BigDecimal> denominators, Set<String> regions,
            Set<Integer> incidenceYears, Set<Integer> populationYears, OrgUnitLevel level, String orgUnit,
            Predicate<String> inArea, List<NewValue> computed) {
        List<String> members = regions.stream().filter(inArea).toList();
        if (members.isEmpty()) {
            return;
        }
        BigDecimal n = BigDecimal.ZERO;
        BigDecimal d = BigDecimal.ZERO;
        List<String> withoutIncidence = new ArrayList<>();
        for (String region : members) {
            if (denominators.containsKey(region)) {
                n = n.add(numerators.get(region));
                d = d.add(denominators.get(region));
            } else {
                withoutIncidence.add(region);
            }
        }
        int[] distinct = StudyRecords.distinct(studies, inArea);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attributedPatients", n);
        details.put("studiesInvolving", distinct[0]);
        details.put("studiesExcluded", distinct[1]);
        details.put("excludedShare", share(distinct[1], distinct[0]));
        details.put("members", members.size());
        details.put("membersCovered", members.size() - withoutIncidence.size());
        details.put("regionsWithoutIncidence", withoutIncidence);
        details.putAll(referenceYears(year, incidenceYears, populationYears));
        computed.add(new NewValue(indicator.definition(), orgUnit, level, null, period,
                withoutIncidence.size() == members.size() ? null : new Parts(n, d), details));
    }

    /** The reference years of numerator, denominator and splitting population, flagged when they differ. */
    private static Map<String, Object> referenceYears(int snapshotYear, Set<Integer> incidenceYears,
            Set<Integer> populationYears) {
        Map<String, Object> years = new LinkedHashMap<>();
        years.put("studySnapshotYear", snapshotYear);
        years.put("incidenceYear", single(incidenceYears));
        years.put("populationYear", single(populationYears));
        Set<Integer> all = new TreeSet<>(incidenceYears);
        all.addAll(populationYears);
        all.add(snapshotYear);
        years.put("referenceYearsDiffer", all.size() > 1);
        return years;
    }

    private static Object single(Set<Integer> years) {
        return years.isEmpty() ? null : years.size() == 1 ? years.iterator().next() : List.copyOf(years);
    }

    // ---- CF-03, CF-04 ----------------------------------------------------------------------------------------

    private void startedStudies(String period, List<SubmissionAnswersEntity> submissions,
            List<NewValue> computed) {
        int year = Integer.parseInt(period);
        for (Compiled indicator : catalogue.byFeed(IndicatorDefinition.FEED_STARTED_STUDIES)) {
            List<Study> studies = StudyRecords.deduplicate(lists.reports(submissions, indicator, period));
            Set<String> regions = new TreeSet<>();
            studies.forEach(s -> regions.addAll(s.regions()));
            Map<String, BigDecimal> populations = new TreeMap<>();
            for (String region : OrgUnitLevel.REGIONS) {
                lists.figure(Kind.POPULATION, region, year, submissions).ifPresent(f -> {
                    populations.put(region, f.value());
                    regions.add(region);
                });
            }
            for (String region : regions) {
                int count = StudyRecords.distinct(studies, region::equals)[0];
                computed.add(started(indicator, region, OrgUnitLevel.REGION, region, period, count,
                        populations.get(region), 1));
            }
            computed.add(started(indicator, OrgUnitLevel.ALF_ID, OrgUnitLevel.ALF, null, period,
                    StudyRecords.distinct(studies, OrgUnitLevel.ALF_REGIONS::contains)[0],
                    sum(populations, OrgUnitLevel.ALF_REGIONS::contains),
                    (int) populations.keySet().stream().filter(OrgUnitLevel.ALF_REGIONS::contains).count()));
            computed.add(started(indicator, OrgUnitLevel.NATION_ID, OrgUnitLevel.NATION, null, period,
                    StudyRecords.distinct(studies, r -> true)[0], sum(populations, r -> true), populations.size()));
        }
    }

    private static NewValue started(Compiled indicator, String orgUnit, OrgUnitLevel level,
            String regionCode, String period, int startedStudies, BigDecimal population,
            int regionsWithPopulation) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("startedStudies", startedStudies);
        if (population != null && population.signum() > 0) {
            inputs.put("population", population);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("startedStudies", startedStudies);
        details.put("regionsWithPopulation", regionsWithPopulation);
        details.put("distinctCount", true);
        return new NewValue(indicator.definition(), orgUnit, level, regionCode, period,
                indicator.evaluate(inputs).orElse(null), details);
    }

    private static BigDecimal sum(Map<String, BigDecimal> populations, Predicate<String> inArea) {
        BigDecimal total = populations.entrySet().stream().filter(e -> inArea.test(e.getKey()))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return total.signum() == 0 ? null : total;
    }

    private static BigDecimal share(int part, int whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
