create table unit_assessment (
    unit_id            varchar(64) not null,
    campaign_id        text        not null,
    region_code        varchar(2)  not null,
    assessment_version integer     not null,
    met_count          integer     not null,
    all_met            boolean     not null,
    primary key (unit_id, campaign_id)
);
create index unit_assessment_campaign_region on unit_assessment (campaign_id, region_code);

create table indicator_value (
    id             bigint generated always as identity primary key,
    indicator      text        not null,
    org_unit       text        not null,
    org_unit_level text        not null check (org_unit_level in ('NATION', 'ALF', 'REGION', 'UNIT')),
    period         text        not null,
    numerator      numeric     not null,
    denominator    numeric     not null,
    factor         numeric     not null,
    value          numeric,
    inputs         jsonb       not null,
    computed_at    timestamptz not null,
    latest         boolean     not null
);
create unique index indicator_value_latest on indicator_value (indicator, org_unit, period) where latest;
