-- Every path that makes a new assessment version of a unit (a submitted revision, an assessor's decision, a
-- site-visit override or its withdrawal, a rule set publication, a repair) first takes one transaction-scoped
-- advisory lock per unit and campaign (UnitLock). A batch takes its units' locks in the order of their keys, in one
-- round trip, so that two batches and a single path never wait for each other in a circle.
create function alf_lock_units(namespace integer, unit_keys integer[]) returns void
    language plpgsql as $$
declare
    k integer;
begin
    foreach k in array unit_keys loop
        perform pg_advisory_xact_lock(namespace, k);
    end loop;
end
$$;

-- The latest submitted revision of each unit's submission this service has received, with the event's data, written
-- in the same transaction as its assessment. The consistency check compares the latest assessment with it, and a
-- repair assesses a unit found behind from it.
create table submission_received (
    unit_id       varchar(64) not null,
    campaign_id   text        not null,
    submission_id uuid        not null,
    revision      integer     not null,
    received_at   timestamptz not null,
    submission    json        not null,
    primary key (unit_id, campaign_id)
);
