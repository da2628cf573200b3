-- Count indicators (ALF-08, ALF-09) have no denominator; base rows carry the region they roll up into.
alter table indicator_value alter column denominator drop not null;
alter table indicator_value add column region_code varchar(2);
create index indicator_value_rollup on indicator_value (indicator, period, org_unit_level) where latest;

-- Level outcomes are kept so that per-level (ALF-01.n) and per-area (ALF-03) shares can be recomputed.
alter table unit_assessment add column pending_reviews integer not null default 0;
alter table unit_assessment add column levels jsonb not null default '{}'::jsonb;

-- The latest submitted answers per unit (or regional pseudo unit) and campaign, the input of questionnaire
-- indicators.
create table submission_answers (
    campaign_id           text        not null,
    unit_id               varchar(64) not null,
    submission_id         uuid        not null,
    revision              integer     not null,
    questionnaire_key     text        not null,
    questionnaire_version text        not null,
    region_code           varchar(2)  not null,
    answers               jsonb       not null,
    submitted_at          timestamptz not null,
    primary key (campaign_id, unit_id)
);
create index submission_answers_questionnaire on submission_answers (questionnaire_key, campaign_id);

-- Reference statistics: every upload is a new version of one kind and year; the latest version wins as a whole.
create table reference_load (
    id          bigint generated always as identity primary key,
    kind        text        not null check (kind in ('POPULATION', 'CANCER_INCIDENCE')),
    year        integer     not null,
    version     integer     not null,
    source      text,
    loaded_by   text        not null,
    loaded_at   timestamptz not null,
    unique (kind, year, version)
);

create table reference_value (
    load_id     bigint      not null references reference_load (id),
    region_code varchar(2)  not null,
    value       numeric     not null,
    primary key (load_id, region_code)
);
