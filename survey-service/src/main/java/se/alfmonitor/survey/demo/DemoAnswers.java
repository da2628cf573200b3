package se.alfmonitor.survey.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.alfmonitor.survey.api.units.UnitDto;

/**
 * Plausible, valid and varied alf-usve 2021 answers for a demo unit. Each unit's answers follow from the seed and its
 * id alone, so the same demo data comes back on every start; most answers meet the levels, some do not, so that the
 * dashboards have something to show.
 */
public final class DemoAnswers {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> EXAMPLES_30A = List.of(
            "Kursutvärderingen visade att studenterna saknade återkoppling. Vi införde schemalagda "
                    + "återkopplingssamtal varje vecka.",
            "Studenterna efterfrågade mer självständigt patientarbete. Kliniken inrättade en studentmottagning "
                    + "med egen handledare.",
            "Resultaten redovisades för handledargruppen, som reviderade introduktionen för nya studenter.");
    private static final List<String> EXAMPLES_35A = List.of(
            "PREM-mätningen visade brister i informationen vid utskrivning; ett strukturerat utskrivningssamtal "
                    + "infördes.",
            "PROM-data från kvalitetsregistret användes för att ändra rutinen för uppföljande besök.",
            "Resultaten från patientenkäten ledde till ändrade öppettider på mottagningen.");

    private DemoAnswers() {
    }

    public static ObjectNode forUnit(UnitDto unit, long seed) {
        Random random = new Random(seed ^ unit.id().hashCode());
        Answers a = new Answers(random);
        ObjectNode answers = NODES.objectNode();
        boolean direct = Boolean.TRUE.equals(unit.directPatientContact());

        answers.put("designationYear", unit.designatedYear() == null ? 2016 : unit.designatedYear());
        answers.put("directPatientContact", direct ? "JA" : "NEJ");
        String q3 = a.pick(0.9, "WHOLE_PERIOD", "PART_OF_PERIOD", "NEJ");
        answers.put("3", q3);
        if (!"WHOLE_PERIOD".equals(q3)) {
            answers.put("explanation3", "FoUU-ansvarig saknades under en omorganisation.");
        }
        answers.put("4a", a.yes(0.92));
        answers.put("6a", a.yes(0.93));
        answers.put("7a", a.yes(0.9));
        answers.set("halftimeSeminars", a.yearly(List.of("2017", "2018", "2019", "2020", "2021"), 4, true));
        answers.set("doctoralDegrees", a.yearly(List.of("2017", "2018", "2019", "2020", "2021"), 3, true));
        answers.put("12a", a.yes(0.9));
        answers.put("experiencedSupervisors", random.nextInt(9));
        answers.put("13b.1", a.yes(0.95));
        answers.put("13b.2", a.yes(0.85));
        answers.put("13b.3", a.yes(0.9));
        answers.put("13b.4", a.yes(0.7));
        answers.put("13b.5", direct ? a.yes(0.85) : "NOT_APPLICABLE_NO_DIRECT_PATIENT_CONTACT");
        answers.put("13c", a.yes(0.8));
        answers.set("14a", a.some(0.95, "REGIONAL_STUDIES", "NATIONAL_STUDIES", "INTERNATIONAL_STUDIES"));
        answers.set("15", a.yearly(List.of("2018", "2019", "2020", "2021"), 6, false));
        answers.put("16a", a.yes(0.93));
        answers.set("presentations", a.yearly(List.of("2018", "2019", "2020", "2021"), 8, true));
        if (a.chance(0.9)) {
            answers.set("17a", a.some(1.0, "NATIONAL_GRANTS", "INTERNATIONAL_GRANTS"));
        } else {
            answers.set("17a", NODES.arrayNode().add("NEJ"));
        }
        answers.put("excellentFundersApplied", a.yes(0.8));
        answers.put("excellentFundersReceived", a.yes(0.6));
        String q18a = a.pick(0.9, "JA", "JA_NOT_SUFFICIENT", "NEJ");
        answers.put("18a", q18a);
        if (!"JA".equals(q18a)) {
            answers.put("explanation18a", "Forskningsstödet finns men räcker inte för alla projekt.");
        }
        answers.set("19a", a.some(0.95, "WORKPLACE_INTEGRATED_LEARNING", "COURSES_LECTURES_SEMINARS",
                "SUPERVISION_OF_SCIENTIFIC_WORK"));
        boolean students = a.chance(0.85);
        answers.put("19b", students ? "JA" : "NEJ");
        if (students) {
            answers.put("vfuGroupSize", 1 + random.nextInt(4));
            answers.put("vfuOwnPatients", a.yes(0.8));
            answers.put("vfuIndividualAssessment", a.yes(0.9));
            answers.put("vfuOutlocatedShare", random.nextInt(40));
            answers.put("vfuInstructionsShare", 60 + random.nextInt(41));
            String q24 = a.yes(0.9);
            answers.put("24", q24);
            if ("NEJ".equals(q24)) {
                answers.put("explanation24", "Handledarinstruktionerna är under revidering.");
            }
            String q25 = a.yes(0.9);
            answers.put("25", q25);
            if ("NEJ".equals(q25)) {
                answers.put("explanation25", "Lärandemålen har inte gjorts tillgängliga på enheten.");
            }
        }
        String q23 = a.pick(0.85, "ALL_PARTICIPATING_STAFF", "SOME_PARTICIPATING_STAFF", "NEJ");
        answers.put("23", q23);
        if (!"ALL_PARTICIPATING_STAFF".equals(q23)) {
            answers.put("explanation23", "Nya handledare utbildas under 2022.");
        }
        ArrayNode q26 = a.some(0.95, "SUPERVISOR_MEETINGS", "COURSE_DIRECTOR_INFORMS_AT_START_UP_MEETINGS");
        if (a.chance(0.1)) {
            q26.add("OTHER");
            answers.put("26.other", "Information på enhetens intranät.");
        }
        answers.set("26", q26);
        answers.put("27", a.yes(0.9));
        answers.put("29a", a.yes(0.85));
        answers.put("30", a.yes(0.85));
        answers.put("30a", EXAMPLES_30A.get(random.nextInt(EXAMPLES_30A.size())));
        answers.put("31", a.pick(0.9, "JA", "JA_NOT_SUFFICIENT", "NEJ"));
        answers.set("32", a.some(0.95, "MULTIDISCIPLINARY_CONFERENCE", "PROCESS_MAP", "STANDARDISED_CARE_PATHWAYS",
                "DIGITAL_DECISION_SUPPORT", "REGISTER_FOLLOW_UP", "QUALITY_MANAGEMENT_SYSTEM"));
        answers.set("33", a.some(0.95, "REGIONAL_GUIDELINES", "NATIONAL_GUIDELINES", "INTERNATIONAL_GUIDELINES"));
        String q34 = a.yes(0.9);
        answers.put("34", q34);
        if ("JA".equals(q34)) {
            answers.put("34a", "Ett nytt arbetssätt för uppföljning infördes med stöd av forskningsresultat.");
        }
        String prom = direct ? a.yes(0.7) : "NEJ";
        String prem = direct ? a.yes(0.8) : "NEJ";
        answers.put("35.1", prom);
        answers.put("35.2", prem);
        if ("JA".equals(prom) || "JA".equals(prem)) {
            answers.put("35a", EXAMPLES_35A.get(random.nextInt(EXAMPLES_35A.size())));
        }
        answers.put("36", direct ? a.yes(0.9) : "NOT_APPLICABLE_NO_DIRECT_PATIENT_CONTACT");
        answers.put("37", a.yes(0.9));
        answers.put("37a", a.yes(0.9));
        ObjectNode q38 = NODES.objectNode();
        for (String year : List.of("2018", "2019", "2020")) {
            q38.put(year, a.yes(0.8));
        }
        q38.put("2021", a.yes(0.9));
        answers.set("38", q38);
        answers.put("39", a.yes(0.92));
        answers.set("staffComposition", staff(random));
        return answers;
    }

    private static ArrayNode staff(Random random) {
        ArrayNode rows = NODES.arrayNode();
        for (String profession : List.of("P1", "P2", "P3")) {
            for (String gender : List.of("KVINNOR", "MAN")) {
                int s1 = switch (profession) {
                    case "P1" -> 10 + random.nextInt(50);
                    case "P2" -> 20 + random.nextInt(150);
                    default -> random.nextInt(20);
                };
                int s2 = random.nextInt(Math.max(1, s1 / 8 + 1));
                int s3 = random.nextInt(Math.max(1, s1 / 10 + 1));
                int s4 = random.nextInt(Math.max(1, s1 / 6 + 1));
                int s5 = (s2 + s3 + s4) / 2;
                rows.addObject().put("profession", profession).put("gender", gender).put("s1", s1).put("s2", s2)
                        .put("s3", s3).put("s4", s4).put("s5", s5).put("s6", Math.min(s3, random.nextInt(3)))
                        .put("s7", Math.min(s4, random.nextInt(4)));
            }
        }
        return rows;
    }

    /** Draws from the unit's own random sequence; {@code p} is the chance of the answer that meets the level. */
    private record Answers(Random random) {

        boolean chance(double p) {
            return random.nextDouble() < p;
        }

        String yes(double p) {
            return chance(p) ? "JA" : "NEJ";
        }

        String pick(double p, String good, String... others) {
            return chance(p) ? good : others[random.nextInt(others.length)];
        }

        /** A subset of the codes, non-empty with chance {@code p}. */
        ArrayNode some(double p, String... codes) {
            ArrayNode selected = NODES.arrayNode();
            if (!chance(p)) {
                return selected;
            }
            List<String> chosen = new ArrayList<>();
            for (String code : codes) {
                if (chance(0.6)) {
                    chosen.add(code);
                }
            }
            if (chosen.isEmpty()) {
                chosen.add(codes[random.nextInt(codes.length)]);
            }
            chosen.forEach(selected::add);
            return selected;
        }

        ObjectNode yearly(List<String> years, int max, boolean noDataSometimes) {
            ObjectNode values = NODES.objectNode();
            for (String year : years) {
                if (noDataSometimes && chance(0.03)) {
                    values.putNull(year);
                } else {
                    values.put(year, random.nextInt(max + 1));
                }
            }
            return values;
        }
    }
}
