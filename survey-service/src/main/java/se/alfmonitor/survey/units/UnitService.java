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
import se.alfmonitor.contract.locking.KeyedLocks;
import se.alfmonitor.contract.messaging.Outbox;
import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.Problem;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.survey.audit.RegistryAudit;
import se.alfmonitor.survey.audit.RegistryChange;
import se.alfmonitor.survey.persistence.UnitEntity;
import se.alfmonitor.survey.security.Actor;

/**
 * The unit registry. Every change is published on {@code alf.units.v1} and written to the unit's audit history. A
 * reporter registers and updates the units of its own region; moving a unit to another region and deactivating or
 * reactivating one are left to an administrator.
 */
@ApplicationScoped
public class UnitService {

    /** The namespace of the per-unit registry locks, apart from the submissions' and the relay's. */
    static final int LOCK_NAMESPACE = 0x414c4655;
    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";

    private final Outbox outbox;
    private final KeyedLocks locks;
    private final RegistryAudit audit;

    public UnitService(Outbox outbox, KeyedLocks locks, RegistryAudit audit) {
        this.outbox = outbox;
        this.locks = locks;
        this.audit = audit;
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

    /**
     * Creates or replaces a unit; returns true if it was created. A region-bound actor (a reporter) may only write a
     * unit of its own region, keeps it there and leaves {@code active} as it is (a new unit is active): 403
     * {@code OTHER_REGION} for a unit or a target of another region, 403 {@code ADMIN_ONLY} for a move or a change of
     * {@code active}. Writes to one unit id take its lock first, so two first registrations make one unit.
     */
    @Transactional
    public boolean put(String id, Unit request, Actor actor) {
        locks.lock(lockKey(id));
        UnitEntity unit = UnitEntity.findById(id);
        boolean created = unit == null;
        Unit before = created ? null : toUnit(unit);
        // a unit of another region, or a new one for another region; a move of one's own is refused below
        actor.requireRegion(before != null ? before.regionCode() : request.regionCode());
        validate(id, request);
        Unit n = normalised(id, request, before, actor);
        if (!created && before.equals(n)) {
            return false;
        }
        if (created) {
            unit = new UnitEntity();
            unit.id = id;
        }
        unit.name = n.name();
        unit.regionCode = n.regionCode();
        unit.hostRegionCode = n.hostRegionCode();
        unit.provider = n.provider();
        unit.designatedYear = n.designatedYear();
        unit.directPatientContact = n.directPatientContact();
        unit.active = n.active();
        unit.updatedAt = Instant.now();
        unit.updatedBy = actor.name();
        if (created) {
            unit.persist();
        }
        audit.record(RegistryAudit.Subject.UNIT, id, created ? CREATED : UPDATED, actor.name(), before, n);
        outbox.publish(Topic.UNITS, id, id, new UnitChanged(unit.id, unit.name, unit.regionCode,
                unit.hostRegionCode, unit.provider.name(), unit.designatedYear, unit.directPatientContact,
                unit.active));
        return created;
    }

    /** The key of the lock every write of one unit id takes first. */
    public static KeyedLocks.Key lockKey(String id) {
        return KeyedLocks.Key.of(LOCK_NAMESPACE, id);
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

    /**
     * The unit as it will be stored. A missing {@code active} means active for an administrator (as it always has);
     * for a reporter, who may not change it, it means as stored. A reporter's move or change of {@code active} is
     * refused here, every such field at once.
     */
    private static Unit normalised(String id, Unit r, Unit before, Actor actor) {
        boolean reporter = actor.boundRegion() != null;
        Boolean stored = before == null ? Boolean.TRUE : before.active();
        Boolean active = Objects.requireNonNullElse(r.active(), reporter ? stored : Boolean.TRUE);
        if (reporter) {
            List<FieldError> refused = new ArrayList<>();
            if (before != null && !before.regionCode().equals(r.regionCode())) {
                refused.add(new FieldError("ADMIN_ONLY", "/regionCode",
                        "Only an administrator moves a unit to another region"));
            }
            if (!active.equals(stored)) {
                refused.add(new FieldError("ADMIN_ONLY", "/active",
                        "Only an administrator deactivates or reactivates a unit"));
            }
            if (!refused.isEmpty()) {
                throw new ProblemException(Problem.of(403, "ADMIN_ONLY", "Forbidden",
                        "A reporter may not change these fields", refused));
            }
        }
        return new Unit(id, r.name().strip(), r.regionCode(),
                Objects.requireNonNullElse(r.hostRegionCode(), r.regionCode()),
                Objects.requireNonNullElse(r.provider(), Provider.OWN_REGION), r.designatedYear(),
                r.directPatientContact(), active);
    }

    /** Every change of a unit, oldest first; 404 for a unit never registered. */
    public List<RegistryChange> history(String id, Actor actor) {
        actor.requireRegion(get(id).regionCode());
        return audit.history(RegistryAudit.Subject.UNIT, id);
    }

    static Unit toUnit(UnitEntity u) {
        return new Unit(u.id, u.name, u.regionCode, u.hostRegionCode, u.provider, u.designatedYear,
                u.directPatientContact, u.active);
    }
}
