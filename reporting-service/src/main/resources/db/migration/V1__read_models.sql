-- Read models, rebuilt from the topics when needed. Each row remembers the version it was built from, so a late
-- or repeated event never overwrites newer state.

create table unit_view (
    id                     varchar(64) primary key,
    name                   text        not null,
    region_code            varchar(2)  not null,
    active                 boolean     not null,
    direct_patient_contact boolean     not null
);

create table assessment_view (
    unit_id             varchar(64) not null,
    campaign_id         text        not null,
    region_code         varchar(2)  not null,
    version             integer     not null,
    submission_revision integer     not null,
    met_count           integer     not null,
    all_met             boolean     not null,
    pending_reviews     integer     not null,
    levels              jsonb       not null,
    assessed_at         timestamptz not null,
    primary key (unit_id, campaign_id)
);
create index assessment_view_campaign on assessment_view (campaign_id, region_code);

create table indicator_view (
    indicator      text        not null,
    org_unit       text        not null,
    period         text        not null,
    org_unit_level text        not null,
    numerator      numeric     not null,
    denominator    numeric     not null,
    factor         numeric     not null,
    value          numeric,
    computed_at    timestamptz not null,
    primary key (indicator, org_unit, period)
);
