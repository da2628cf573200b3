package se.alfmonitor.survey.questionnaire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record Section(String id, String titleSv, String titleEn, List<String> items) {
}
