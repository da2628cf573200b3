create table unit (
    id                     varchar(64) primary key,
    name                   text        not null,
    region_code            varchar(2)  not null,
    host_region_code       varchar(2)  not null,
    provider               text        not null,
    designated_year        integer,
    direct_patient_contact boolean     not null,
    active                 boolean     not null,
    updated_at             timestamptz not null,
    updated_by             text        not null,
    version                bigint      not null default 0
);
create index unit_region on unit (region_code);

create table campaign (
    id                    text primary key,
    questionnaire_key     text not null,
    questionnaire_version text not null,
    period_start          date not null,
    period_end            date not null,
    reference_date        date not null,
    opens                 date,
    closes                date,
    remediation_due       date,
    status                text not null check (status in ('OPEN', 'CLOSED', 'LOCKED'))
);

insert into campaign values
    ('alf-2018-2021', 'alf-usve', '2021', '2018-01-01', '2021-12-31', '2021-12-31', '2022-02-15', '2026-12-31',
     '2024-08-31', 'OPEN'),
    ('research-2021', 'regional-research', '2021', '2021-01-01', '2021-12-31', '2021-12-31', '2022-01-01',
     '2026-12-31', null, 'OPEN');

create table submission (
    id           uuid primary key,
    campaign_id  text        not null references campaign (id),
    unit_id      varchar(64) not null,
    region_code  varchar(2)  not null,
    status       text        not null,
    revision     integer     not null,
    answers      jsonb       not null,
    submitted_at timestamptz,
    submitted_by text,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    updated_by   text        not null,
    version      bigint      not null default 0
);
create index submission_campaign_region on submission (campaign_id, region_code);
create index submission_unit on submission (unit_id);

create table submission_revision (
    submission_id uuid        not null references submission (id),
    revision      integer     not null,
    answers       jsonb       not null,
    submitted_at  timestamptz not null,
    submitted_by  text        not null,
    primary key (submission_id, revision)
);
