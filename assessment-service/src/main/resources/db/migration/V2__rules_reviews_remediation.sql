-- What an assessment was computed from, so that a new rule set or an assessor's decision can re-assess the
-- latest revision of every unit without asking survey-service again.
alter table assessment
    add column questionnaire_key      text,
    add column questionnaire_version  text,
    add column answers                jsonb,
    add column direct_patient_contact boolean,
    add column designated_year        integer,
    add column areas                  jsonb,
    add column reason                 text;

-- Which rule set version is in force for a questionnaire; without a row the newest PUBLISHED file is.
create table rule_set_activation (
    id                    bigint generated always as identity primary key,
    questionnaire_key     text        not null,
    questionnaire_version text        not null,
    rule_set_version      text        not null,
    activated_at          timestamptz not null,
    activated_by          text        not null
);
create index rule_set_activation_questionnaire on rule_set_activation (questionnaire_key, questionnaire_version, id);

-- One free-text example that needs human judgement. The same text (by normalised hash) for the same unit, campaign
-- and level is judged once, whichever revision it comes in.
create table review_item (
    id                  uuid primary key,
    unit_id             varchar(64) not null,
    region_code         varchar(2)  not null,
    campaign_id         text        not null,
    submission_id       uuid        not null,
    submission_revision integer     not null,
    level               integer     not null,
    item_id             text        not null,
    example_text        text        not null,
    text_hash           varchar(64) not null,
    criteria_sv         text        not null,
    criteria_en         text        not null,
    rule_set_version    text        not null,
    status              varchar(16) not null,
    comment             text,
    decided_by          text,
    decided_at          timestamptz,
    created_at          timestamptz not null,
    version             integer     not null default 0,
    unique (unit_id, campaign_id, level, text_hash)
);
create index review_item_status_region on review_item (status, region_code);

create table review_audit (
    id          bigint generated always as identity primary key,
    review_id   uuid        not null references review_item (id),
    action      varchar(32) not null,
    from_status varchar(16),
    to_status   varchar(16) not null,
    comment     text,
    actor       text        not null,
    at          timestamptz not null
);
create index review_audit_review on review_audit (review_id);

create table remediation_item (
    id                  bigint generated always as identity primary key,
    unit_id             varchar(64) not null,
    region_code         varchar(2)  not null,
    campaign_id         text        not null,
    level               integer     not null,
    area                text        not null,
    outcome             varchar(16) not null,
    status              varchar(16) not null,
    due_date            date,
    opened_at           timestamptz not null,
    resolved_at         timestamptz,
    assessment_version  integer     not null,
    unique (unit_id, campaign_id, level)
);
create index remediation_campaign_region on remediation_item (campaign_id, region_code);
