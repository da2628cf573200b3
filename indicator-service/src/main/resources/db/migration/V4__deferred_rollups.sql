-- Aggregates whose base values changed and that are still to be summed again. An event's transaction records the
-- base values and a row here; the roll-up worker sums each (base level, period, region) once, however many events
-- marked it since its last run, and deletes the row in the same transaction as the sums it writes.
create table rollup_pending (
    base_level   text        not null check (base_level in ('UNIT', 'REGION')),
    period       text        not null,
    -- the region whose own value to sum again ('' for none: a region base level sums only ALF and nation)
    region_code  text        not null,
    indicators   text[]      not null,
    requested_at timestamptz not null,
    primary key (base_level, period, region_code)
);
