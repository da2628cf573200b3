package se.alfmonitor.assessment.rules;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A versioned rule set for the minimum levels of one questionnaire version, as shipped in {@code rule-sets/*.json}.
 * The file is the source of truth; these records are what the engine needs from it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuleSetDefinition(
        String version,
        QuestionnaireRef questionnaire,
        String status,
        Instant publishedAt,
        String descriptionSv,
        String descriptionEn,
        List<Ambiguity> ambiguities,
        List<LevelRule> levels) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QuestionnaireRef(String key, String version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ambiguity(String id, String issueEn, String choiceEn, List<String> alternativesEn,
            String rationaleEn, List<Integer> levels) {
    }

    /**
     * One minimum level.
     *
     * @param met CEL over {@code answers} and {@code unit}: whether the answers fulfil the level
     * @param notApplicable CEL, or null when the level always applies: true gives an automatic pass
     * @param review when not null, a fulfilled {@code met} still needs an assessor to approve the example text
     * @param flags consistency checks that do not change the outcome but are shown with it (e.g. AMB-09); may be
     *        null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LevelRule(int number, String area, int areaNumber, String textSv, String textEn,
            String shortLabelSv, String ruleSv, String ruleEn, List<String> items, String met, String notApplicable,
            String notApplicableReasonSv, String notApplicableReasonEn, Review review, List<String> ambiguities,
            List<Flag> flags) {

        public List<Flag> flagsOrEmpty() {
            return flags == null ? List.of() : flags;
        }
    }

    /**
     * A consistency check on the answers of a level.
     *
     * @param code stable upper-case code, such as {@code PATIENT_CONTACT_CONTRADICTION}
     * @param when CEL over {@code answers} and {@code unit}: true raises the flag
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Flag(String code, String when, String sv, String en) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Review(String item, String criteriaSv, String criteriaEn) {
    }
}
