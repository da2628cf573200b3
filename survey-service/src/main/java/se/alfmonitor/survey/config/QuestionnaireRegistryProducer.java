package se.alfmonitor.survey.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import se.alfmonitor.survey.questionnaire.QuestionnaireRegistry;

public class QuestionnaireRegistryProducer {

    /** Loaded once at startup; an inconsistent definition stops the service from starting. */
    @Produces
    @Singleton
    @Startup
    QuestionnaireRegistry registry(SurveyConfig config) {
        return QuestionnaireRegistry.load(config.questionnaires());
    }
}
