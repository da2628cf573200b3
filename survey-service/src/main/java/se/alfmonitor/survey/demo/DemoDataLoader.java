package se.alfmonitor.survey.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import se.alfmonitor.survey.api.units.UnitDto;
import se.alfmonitor.survey.config.DemoDataConfig;
import se.alfmonitor.survey.persistence.UnitEntity;
import se.alfmonitor.survey.security.Actor;
import se.alfmonitor.survey.submissions.Draft;
import se.alfmonitor.survey.submissions.SubmissionDrafts;
import se.alfmonitor.survey.submissions.SubmissionQueries;
import se.alfmonitor.survey.submissions.SubmissionStatus;
import se.alfmonitor.survey.units.UnitService;

/**
 * With {@code alf.demo-data.enabled=true}, registers the demo unit registry and submits alf-usve answers for about 90 %
 * of the units at startup, through the same service methods as the API, so the events flow on Kafka as in real use.
 * Safe to run on every start: existing units and submissions are left as they are.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    static final String CAMPAIGN = "alf-2018-2021";
    private static final Actor ACTOR = Actor.system("demo-data");

    private final DemoDataConfig config;
    private final UnitService units;
    private final SubmissionDrafts drafts;
    private final SubmissionQueries queries;

    public DemoDataLoader(DemoDataConfig config, UnitService units, SubmissionDrafts drafts,
            SubmissionQueries queries) {
        this.config = config;
        this.units = units;
        this.drafts = drafts;
        this.queries = queries;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            load(DemoRegistry.units());
        }
    }

    /** Returns the number of submissions submitted by this call. */
    public int load(List<UnitDto> demoUnits) {
        int registered = 0;
        int submitted = 0;
        for (UnitDto unit : demoUnits) {
            if (UnitEntity.findById(unit.id()) == null) {
                units.put(unit.id(), UnitDto.toUnit(unit), ACTOR);
                registered++;
            }
            if (!answers(unit)) {
                continue;
            }
            UUID id = submissionId(unit.id());
            SubmissionStatus status = queries.statusOf(id);
            if (status == null) {
                drafts.saveDraft(id, new Draft(CAMPAIGN, unit.id(),
                        DemoAnswers.forUnit(unit, config.seed())), ACTOR, null);
                status = SubmissionStatus.DRAFT;
            }
            if (status == SubmissionStatus.DRAFT) {
                drafts.submit(id, ACTOR, null);
                submitted++;
            }
        }
        LOG.infof("Demo data: %d units registered, %d submissions submitted", registered, submitted);
        return submitted;
    }

    /** About nine in ten units answer; the rest stay non-responding, as in the real evaluation. */
    static boolean answers(UnitDto unit) {
        return Math.floorMod(unit.id().hashCode() * 31 + 7, 10) != 0;
    }

    static UUID submissionId(String unitId) {
        return UUID.nameUUIDFromBytes(("demo:" + CAMPAIGN + ":" + unitId).getBytes(StandardCharsets.UTF_8));
    }
}
