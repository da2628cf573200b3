-- A region's sums read only that region's unit rows (not every unit of the country, as the index on
-- (indicator, period, org_unit_level) made them); the same index serves the sums above regions.
create index indicator_value_region_rollup on indicator_value (period, org_unit_level, region_code, indicator)
    where latest;
drop index indicator_value_rollup;
