package se.alfmonitor.survey.units;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.events.UnitChanged;
import se.alfmonitor.contract.messaging.Outbox;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.survey.persistence.UnitEntity;

/** The unit registry. Every change is published on {@code alf.units.v1}. */
@ApplicationScoped
public class UnitService {

    private final Outbox outbox;

    public UnitService(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<Unit> list(String regionCode) {
        List<UnitEntity> found = regionCode == null
                ? UnitEntity.listAll(Sort.by("id"))
                : UnitEntity.list("regionCode", Sort.by("id"), regionCode);
        return found.stream().map(UnitService::toUnit).toList();
    }

    public Unit get(String id) {
        UnitEntity unit = UnitEntity.findById(id);
        if (unit == null) {
            throw ProblemException.notFound("UNIT_NOT_FOUND", "No unit " + id);
        }
        return toUnit(unit);
    }

    /** Creates or replaces a unit; returns true if it was created. */
    @Transactional
    public boolean put(String id, Unit request, String actor) {
        validate(id, request);
        UnitEntity unit = UnitEntity.findById(id);
        boolean created = unit == null;
        if (created) {
            unit = new UnitEntity();
            unit.id = id;
        } else if (toUnit(unit).equals(normalised(id, request))) {
            return false;
        }
        Unit n = normalised(id, request);
        unit.name = n.name();
        unit.regionCode = n.regionCode();
        unit.hostRegionCode = n.hostRegionCode();
        unit.provider = n.provider();
        unit.designatedYear = n.designatedYear();
        unit.directPatientContact = n.directPatientContact();
        unit.active = n.active();
        unit.updatedAt = Instant.now();
        unit.updatedBy = actor;
        if (created) {
            unit.persist();
        }
        outbox.publish(Topic.UNITS, id, id, new UnitChanged(unit.id, unit.name, unit.regionCode,
                unit.hostRegionCode, unit.provider.name(), unit.designatedYear, unit.directPatientContact,
                unit.active));
        return created;
    }

    private static void validate(String id, Unit request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.id() != null && !request.id().equals(id)) {
            errors.add(new FieldError("ID_MISMATCH", "/id", "The id in the body differs from the id in the path"));
        }
        if (RegionUnits.isPseudoUnit(id)) {
            errors.add(new FieldError("RESERVED_UNIT_ID", "/id", RegionUnits.PREFIX
                    + "<code> stands for a whole region in region-level questionnaires and cannot be registered"));
        }
        if (!Regions.isAlfRegion(request.regionCode())) {
            errors.add(new FieldError("UNKNOWN_REGION", "/regionCode",
                    "Units are designated by one of the seven ALF regions: " + request.regionCode()));
        }
        if (request.hostRegionCode() != null && Regions.byCode(request.hostRegionCode()).isEmpty()) {
            errors.add(new FieldError("UNKNOWN_REGION", "/hostRegionCode",
                    "Not a Swedish county code: " + request.hostRegionCode()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    private static Unit normalised(String id, Unit r) {
        return new Unit(id, r.name().strip(), r.regionCode(),
                Objects.requireNonNullElse(r.hostRegionCode(), r.regionCode()),
                Objects.requireNonNullElse(r.provider(), Provider.OWN_REGION), r.designatedYear(),
                r.directPatientContact(), Objects.requireNonNullElse(r.active(), Boolean.TRUE));
    }

    static Unit toUnit(UnitEntity u) {
        return new Unit(u.id, u.name, u.regionCode, u.hostRegionCode, u.provider, u.designatedYear,
                u.directPatientContact, u.active);
    }
}
