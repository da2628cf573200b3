package se.alfmonitor.survey.questionnaire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An answer option: the API takes {@code code}; Swedish labels and aliases map CSV cells to codes. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Option(String code, String labelSv, String labelEn, List<String> aliasesSv) {

    public Option {
        aliasesSv = aliasesSv == null ? List.of() : List.copyOf(aliasesSv);
    }
}
