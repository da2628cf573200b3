-- What unit values changed in a region's sums since the region's value was last written, per period, region and
-- summed indicator (base level unit only). A transaction storing unit values adds the difference between each new
-- unit row and the row it retires here; the roll-up worker adds these to the region's latest value and deletes them in
-- the same transaction, so a region value costs one row per indicator, not one per unit. Invariant: a region's latest
-- value plus its rows here is the sum over the region's latest unit values.
create table rollup_delta (
    period          text    not null,
    region_code     text    not null,
    indicator       text    not null,
    members         bigint  not null,
    members_covered bigint  not null,
    -- of covered members only, as the sums; the denominator is 0 for count indicators, which have none
    numerator       numeric not null,
    denominator     numeric not null,
    -- the sums of inputs.counts by key
    counts          jsonb   not null,
    primary key (period, region_code, indicator)
);

-- A mark may ask for the region to be summed from its units instead (its deltas are then discarded).
alter table rollup_pending add column from_scratch boolean not null default false;

-- Region values written before deltas existed may lag their units (a mark not yet processed, or the region a unit
-- left): sum every region with unit values, or with a value summed from units, from its units once, so that deltas
-- start from exact sums.
insert into rollup_pending (base_level, period, region_code, indicators, requested_at, from_scratch)
select 'UNIT', v.period, v.region_code, array_agg(distinct v.indicator order by v.indicator), now(), true
from indicator_value v
where v.latest and v.region_code is not null and (v.org_unit_level = 'UNIT' or v.org_unit_level = 'REGION'
    and exists (select 1 from indicator_value u where u.latest and u.org_unit_level = 'UNIT'
        and u.period = v.period and u.indicator = v.indicator))
group by v.period, v.region_code
on conflict (base_level, period, region_code) do update set from_scratch = true, indicators = (
    select array_agg(distinct i order by i) from unnest(rollup_pending.indicators || excluded.indicators) i);
