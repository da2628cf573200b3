package se.alfmonitor.survey.submissions;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.survey.campaigns.CampaignService;
import se.alfmonitor.survey.persistence.CampaignEntity;
import se.alfmonitor.survey.persistence.StorableText;
import se.alfmonitor.survey.persistence.UnitEntity;
import se.alfmonitor.survey.questionnaire.QuestionnaireDefinition;
import se.alfmonitor.survey.questionnaire.QuestionnaireLevel;
import se.alfmonitor.survey.security.Actor;
import se.alfmonitor.survey.units.RegionUnits;

/**
 * What a submission is about: its campaign, the campaign's questionnaire and the unit (a registered unit, or the
 * pseudo unit {@code REGION-<code>} of a region-level questionnaire) as the event names it.
 */
@ApplicationScoped
class SubmissionTargets {

    /** A campaign and unit that exist, fit each other and may be written by the actor's region. */
    record Target(CampaignEntity campaign, QuestionnaireDefinition definition, SubmissionSubmitted.UnitRef unit) {
    }

    private final CampaignService campaigns;

    SubmissionTargets(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * Resolves campaign and unit, adding every problem to {@code errors}; 403 as soon as the unit is known to belong
     * to another region than the actor's. Null when anything is wrong.
     */
    Target resolve(String campaignId, String unitId, Actor actor, List<FieldError> errors) {
        int before = errors.size();
        CampaignEntity campaign = null;
        QuestionnaireDefinition definition = null;
        if (isValidId(campaignId, "campaignId", errors)) {
            campaign = CampaignEntity.findById(campaignId);
            if (campaign == null) {
                errors.add(new FieldError("UNKNOWN_CAMPAIGN", "/campaignId", "No campaign " + campaignId));
            } else {
                definition = campaigns.definitionOf(campaign);
            }
        }
        SubmissionSubmitted.UnitRef unit = isValidId(unitId, "unitId", errors)
                ? unit(unitId, campaignId, definition, actor, errors)
                : null;
        return errors.size() == before && campaign != null && unit != null
                ? new Target(campaign, definition, unit)
                : null;
    }

    /** The unit named by a submission, checked against the campaign's questionnaire level; null when not usable. */
    private static SubmissionSubmitted.UnitRef unit(String unitId, String campaignId,
            QuestionnaireDefinition definition, Actor actor, List<FieldError> errors) {
        if (RegionUnits.isPseudoUnit(unitId)) {
            String region = RegionUnits.regionOf(unitId).orElse(null);
            if (region == null) {
                errors.add(new FieldError("UNKNOWN_UNIT", "/unitId", unitId + " is not REGION-<code> of an ALF "
                        + "region"));
                return null;
            }
            actor.requireRegion(region);
            if (definition != null && definition.level() != QuestionnaireLevel.REGION) {
                errors.add(new FieldError("WRONG_QUESTIONNAIRE_LEVEL", "/unitId", "Campaign " + campaignId
                        + " is answered per unit; " + unitId + " stands for a whole region"));
            }
            return new SubmissionSubmitted.UnitRef(unitId, region, false, null);
        }
        UnitEntity entity = UnitEntity.findById(unitId);
        if (entity == null) {
            errors.add(new FieldError("UNKNOWN_UNIT", "/unitId", "No unit " + unitId));
            return null;
        }
        actor.requireRegion(entity.regionCode);
        if (!entity.active) {
            errors.add(new FieldError("UNIT_INACTIVE", "/unitId", "Unit " + unitId + " is not active"));
        }
        if (definition != null && definition.level() != QuestionnaireLevel.UNIT) {
            errors.add(new FieldError("WRONG_QUESTIONNAIRE_LEVEL", "/unitId", "Campaign " + campaignId
                    + " is answered per region, by " + RegionUnits.unitIdOf(entity.regionCode)));
        }
        return new SubmissionSubmitted.UnitRef(entity.id, entity.regionCode, entity.directPatientContact,
                entity.designatedYear);
    }

    /** The unit of a stored submission, as its event names it. */
    static SubmissionSubmitted.UnitRef unitRef(String unitId) {
        if (RegionUnits.isPseudoUnit(unitId)) {
            return new SubmissionSubmitted.UnitRef(unitId, RegionUnits.regionOf(unitId).orElseThrow(), false, null);
        }
        UnitEntity unit = UnitEntity.findById(unitId);
        return new SubmissionSubmitted.UnitRef(unit.id, unit.regionCode, unit.directPatientContact,
                unit.designatedYear);
    }

    /** A given id that can be looked up; no stored id contains NUL, which PostgreSQL cannot compare with. */
    private static boolean isValidId(String id, String field, List<FieldError> errors) {
        if (id == null || id.isBlank()) {
            errors.add(new FieldError("REQUIRED_MISSING", "/" + field, field + " is required"));
            return false;
        }
        if (StorableText.containsNul(id)) {
            errors.add(new FieldError("INVALID_CHARACTER", "/" + field, field + " contains NUL (U+0000)"));
            return false;
        }
        return true;
    }
}
