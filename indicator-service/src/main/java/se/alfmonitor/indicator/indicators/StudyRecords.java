package se.alfmonitor.indicator.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The study arithmetic of the Cancerfonden method (indicators.md §2.2), free of persistence so it can be checked
 * against the worked example on its own: de-duplication across the regions' reports, exclusion of studies without a
 * patient count, and attribution of patients to regions.
 */
public final class StudyRecords {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private StudyRecords() {
    }

    /**
     * One row of a region's study list.
     *
     * @param reportingRegion the region whose submission lists the study
     * @param ids the registry id and any other registry ids of the same study
     * @param patients the study's total patient count, null when not stated
     * @param patientsInRegion the reporting region's own enrolment, null when not known
     * @param selected whether the row meets the indicator's study selection
     */
    public record Report(String reportingRegion, List<String> ids, Set<String> regions, Long patients,
            String enrolmentType, Long patientsInRegion, boolean selected) {
    }

    /** A study after de-duplication on registry ids across every region's reports. */
    public record Study(String id, Set<String> ids, Set<String> regions, Long patients, String enrolmentType,
            Map<String, Long> siteEnrolment) {
    }

    /**
     * Merges reports that share any registry id into one study and keeps the selected ones. The participating regions
     * are the union of what the reports say plus the reporting regions; the patient count is the largest stated.
     */
    public static List<Study> deduplicate(List<Report> reports) {
        Map<String, String> parent = new HashMap<>();
        for (Report report : reports) {
            String first = find(parent, report.ids().get(0));
            for (String id : report.ids()) {
                union(parent, first, find(parent, id));
            }
        }
        Map<String, List<Report>> groups = new LinkedHashMap<>();
        for (Report report : reports) {
            groups.computeIfAbsent(find(parent, report.ids().get(0)), k -> new ArrayList<>()).add(report);
        }
        List<Study> studies = new ArrayList<>();
        for (List<Report> group : groups.values()) {
            if (group.stream().noneMatch(Report::selected)) {
                continue;
            }
            Set<String> ids = new TreeSet<>();
            Set<String> regions = new TreeSet<>();
            Long patients = null;
            String enrolmentType = null;
            Map<String, Long> sites = new TreeMap<>();
            for (Report report : group) {
                ids.addAll(report.ids());
                regions.addAll(report.regions());
                regions.add(report.reportingRegion());
                if (report.patients() != null && (patients == null || report.patients() > patients)) {
                    patients = report.patients();
                    enrolmentType = report.enrolmentType();
                }
                if (report.patientsInRegion() != null) {
                    sites.put(report.reportingRegion(), report.patientsInRegion());
                }
            }
            studies.add(new Study(group.get(0).ids().get(0), ids, regions, patients, enrolmentType, sites));
        }
        return studies;
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.putIfAbsent(id, root);
        parent.putIfAbsent(root, root);
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        if (!a.equals(b)) {
            parent.put(b, a);
        }
    }

    /** What one region gets from the included studies and how many of its studies were excluded. */
    public static final class Tally {
        public BigDecimal patients = BigDecimal.ZERO;
        public BigDecimal plannedPatients = BigDecimal.ZERO;
        public BigDecimal actualPatients = BigDecimal.ZERO;
        public int studies;
        public int excluded;
        public int attributedBySite;
        public int splitEqually;
        public final Set<String> studyIds = new LinkedHashSet<>();
        public final Set<String> excludedIds = new LinkedHashSet<>();
    }

    /**
     * Attributes the patients of each study with a count to its participating regions: a region with known site
     * enrolment gets that; the rest of the study's patients is split between the other participating regions in
     * proportion to population (equally when a population is missing). Fractions are kept, so every study's total
     * is conserved.
     */
    public static Map<String, Tally> attribute(List<Study> studies, Function<String, Optional<BigDecimal>> population) {
        Map<String, Tally> tallies = new TreeMap<>();
        for (Study study : studies) {
            for (String region : study.regions()) {
                Tally tally = tallies.computeIfAbsent(region, r -> new Tally());
                tally.studies++;
                tally.studyIds.add(study.id());
                if (study.patients() == null) {
                    tally.excluded++;
                    tally.excludedIds.add(study.id());
                }
            }
            if (study.patients() == null) {
                continue;
            }
            Map<String, BigDecimal> shares = split(study, population);
            boolean equally = shares.containsKey(null);
            shares.remove(null);
            shares.forEach((region, patients) -> {
                Tally tally = tallies.get(region);
                tally.patients = tally.patients.add(patients);
                if ("ACTUAL".equals(study.enrolmentType())) {
                    tally.actualPatients = tally.actualPatients.add(patients);
                } else {
                    tally.plannedPatients = tally.plannedPatients.add(patients);
                }
                if (study.siteEnrolment().containsKey(region)) {
                    tally.attributedBySite++;
                } else if (equally) {
                    tally.splitEqually++;
                }
            });
        }
        return tallies;
    }

    /** Region to attributed patients; a null key marks an equal split for want of population figures. */
    static Map<String, BigDecimal> split(Study study, Function<String, Optional<BigDecimal>> population) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.valueOf(study.patients());
        BigDecimal known = BigDecimal.ZERO;
        List<String> others = new ArrayList<>();
        for (String region : study.regions()) {
            Long site = study.siteEnrolment().get(region);
            if (site != null && study.regions().size() > 1) {
                BigDecimal patients = BigDecimal.valueOf(site).min(total.subtract(known));
                shares.put(region, patients);
                known = known.add(patients);
            } else {
                others.add(region);
            }
        }
        BigDecimal rest = total.subtract(known);
        if (others.isEmpty()) {
            return shares;
        }
        Map<String, BigDecimal> populations = new LinkedHashMap<>();
        for (String region : others) {
            population.apply(region).filter(p -> p.signum() > 0).ifPresent(p -> populations.put(region, p));
        }
        if (populations.size() == others.size()) {
            BigDecimal sum = populations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            populations.forEach((region, p) -> shares.put(region, rest.multiply(p).divide(sum, PRECISION)));
        } else {
            BigDecimal each = rest.divide(BigDecimal.valueOf(others.size()), PRECISION);
            others.forEach(region -> shares.put(region, each));
            if (others.size() > 1) {
                shares.put(null, BigDecimal.ZERO);
            }
        }
        return shares;
    }

    /** Distinct studies and distinct excluded studies involving any of the regions. */
    public static int[] distinct(List<Study> studies, Predicate<String> inArea) {
        int involving = 0;
        int excluded = 0;
        for (Study study : studies) {
            if (study.regions().stream().anyMatch(inArea)) {
                involving++;
                if (study.patients() == null) {
                    excluded++;
                }
            }
        }
        return new int[] { involving, excluded };
    }
}
