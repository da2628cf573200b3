package se.alfmonitor.indicator.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.events.SubmissionSubmitted;

/**
 * Keeps the latest submitted answers per unit and campaign and recomputes the indicators they feed: for the events of
 * a poll together, with a constant number of statements however many units and regions they come from.
 */
@ApplicationScoped
public class SubmissionIndicators {

    private final QuestionnaireIndicators questionnaires;
    private final StudyIndicators studies;
    private final ResponseRates responseRates;
    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    public SubmissionIndicators(QuestionnaireIndicators questionnaires, StudyIndicators studies,
            ResponseRates responseRates, EntityManager entityManager, ObjectMapper mapper) {
        this.questionnaires = questionnaires;
        this.studies = studies;
        this.responseRates = responseRates;
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSubmission(SubmissionSubmitted submitted) {
        onSubmissions(List.of(submitted));
    }

    /**
     * Stores the latest revision per unit (or region) and campaign of a batch of submitted questionnaires and
     * recomputes what they feed, ending where processing them one at a time in their order ends: a revision that is
     * not newer than the one stored or given before it in the batch changes nothing; one overtaken later in the batch
     * still gives the values its successor does not replace (a year only it answered). In statements: one read of
     * the stored revisions, one write of the new ones, one write of all unit and region values and one of their
     * marks; the study indicators (CF-01, CF-03 … CF-05) once per period the regional submissions touch, after the
     * writers' turn and from one read of every region's study list; the response rate (ALF-05) once per campaign in
     * which a unit submitted for the first time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onSubmissions(List<SubmissionSubmitted> submissions) {
        if (submissions.isEmpty()) {
            return;
        }
        Map<Key, Revision> stored = entityManager.unwrap(Session.class)
                .doReturningWork(connection -> storedRevisions(connection, submissions));
        Map<Key, SubmissionSubmitted> latest = new LinkedHashMap<>();
        List<SubmittedAnswers> accepted = new ArrayList<>(submissions.size());
        for (SubmissionSubmitted submitted : submissions) {
            Key key = Key.of(submitted);
            Revision current = latest.containsKey(key) ? Revision.of(latest.get(key)) : stored.get(key);
            if (current != null && isOlder(submitted, current)) {
                continue;
            }
            latest.put(key, submitted);
            accepted.add(SubmittedAnswers.of(submitted));
        }
        if (latest.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> store(connection, latest.values()));

        questionnaires.recompute(accepted);
        List<SubmittedAnswers> regional = accepted.stream()
                .filter(s -> StudyIndicators.REGIONAL_QUESTIONNAIRE.equals(s.questionnaireKey())).toList();
        if (!regional.isEmpty()) {
            studies.onRegionalSubmissions(regional);
        }
        // a unit's first submission in the campaign: one more responding unit
        Set<String> campaigns = new TreeSet<>();
        latest.forEach((key, submitted) -> {
            if (!stored.containsKey(key)
                    && ResponseRates.UNIT_QUESTIONNAIRE.equals(submitted.questionnaire().key())) {
                campaigns.add(key.campaignId());
            }
        });
        campaigns.forEach(responseRates::recompute);
    }

    private record Key(String campaignId, String unitId) {

        static Key of(SubmissionSubmitted submitted) {
            return new Key(submitted.campaignId(), submitted.unit().id());
        }
    }

    /** What decides whether a revision is newer: the stored one's or an earlier one's of the batch. */
    private record Revision(UUID submissionId, int revision, Instant submittedAt) {

        static Revision of(SubmissionSubmitted submitted) {
            return new Revision(submitted.submissionId(), submitted.revision(), stored(submitted.submittedAt()));
        }
    }

    /** A redelivered or overtaken revision: the same submission at an older revision, or an older submission. */
    private static boolean isOlder(SubmissionSubmitted submitted, Revision current) {
        if (submitted.submissionId().equals(current.submissionId())) {
            return submitted.revision() <= current.revision();
        }
        return submitted.submittedAt() != null && current.submittedAt() != null
                && stored(submitted.submittedAt()).isBefore(current.submittedAt());
    }

    /** A time as the database keeps it (microseconds), so that a revision compares the same stored or not. */
    private static Instant stored(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    /** The stored revisions of the batch's units and campaigns, in one query. */
    private static Map<Key, Revision> storedRevisions(Connection connection, List<SubmissionSubmitted> submissions)
            throws SQLException {
        Set<Key> keys = new java.util.LinkedHashSet<>();
        submissions.forEach(s -> keys.add(Key.of(s)));
        Map<Key, Revision> stored = new HashMap<>();
        try (PreparedStatement find = connection.prepareStatement("select s.campaign_id, s.unit_id,"
                + " s.submission_id, s.revision, s.submitted_at from submission_answers s"
                + " join unnest(?, ?) as k(campaign_id, unit_id)"
                + " on s.campaign_id = k.campaign_id and s.unit_id = k.unit_id")) {
            find.setArray(1, connection.createArrayOf("text", keys.stream().map(Key::campaignId).toArray()));
            find.setArray(2, connection.createArrayOf("text", keys.stream().map(Key::unitId).toArray()));
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    stored.put(new Key(rs.getString(1), rs.getString(2)), new Revision(rs.getObject(3, UUID.class),
                            rs.getInt(4), rs.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return stored;
    }

    /** Writes the new latest revisions over the stored ones, in one statement. */
    private void store(Connection connection, Collection<SubmissionSubmitted> revisions) throws SQLException {
        int n = revisions.size();
        String[] campaigns = new String[n];
        String[] units = new String[n];
        UUID[] ids = new UUID[n];
        Integer[] numbers = new Integer[n];
        String[] keys = new String[n];
        String[] versions = new String[n];
        String[] regions = new String[n];
        String[] answers = new String[n];
        String[] times = new String[n];
        int i = 0;
        for (SubmissionSubmitted s : revisions) {
            campaigns[i] = s.campaignId();
            units[i] = s.unit().id();
            ids[i] = s.submissionId();
            numbers[i] = s.revision();
            keys[i] = s.questionnaire().key();
            versions[i] = s.questionnaire().version();
            regions[i] = s.unit().regionCode();
            answers[i] = s.answers() == null ? null : json(s.answers());
            Instant at = stored(s.submittedAt());
            times[i] = at == null ? null : at.toString();
            i++;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into submission_answers as s (campaign_id, unit_id, submission_id, revision, questionnaire_key,
                    questionnaire_version, region_code, answers, submitted_at)
                select campaign_id, unit_id, submission_id, revision, questionnaire_key, questionnaire_version,
                    region_code, cast(answers as jsonb), cast(submitted_at as timestamptz)
                from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?) as n(campaign_id, unit_id, submission_id, revision,
                    questionnaire_key, questionnaire_version, region_code, answers, submitted_at)
                on conflict (campaign_id, unit_id) do update set
                    submission_id = excluded.submission_id, revision = excluded.revision,
                    questionnaire_key = excluded.questionnaire_key,
                    questionnaire_version = excluded.questionnaire_version, region_code = excluded.region_code,
                    answers = excluded.answers, submitted_at = excluded.submitted_at""")) {
            upsert.setArray(1, connection.createArrayOf("text", campaigns));
            upsert.setArray(2, connection.createArrayOf("text", units));
            upsert.setArray(3, connection.createArrayOf("uuid", ids));
            upsert.setArray(4, connection.createArrayOf("int4", numbers));
            upsert.setArray(5, connection.createArrayOf("text", keys));
            upsert.setArray(6, connection.createArrayOf("text", versions));
            upsert.setArray(7, connection.createArrayOf("text", regions));
            upsert.setArray(8, connection.createArrayOf("text", answers));
            upsert.setArray(9, connection.createArrayOf("text", times));
            upsert.executeUpdate();
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
