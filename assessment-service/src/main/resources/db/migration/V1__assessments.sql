create table assessment (
    id                  bigint generated always as identity primary key,
    unit_id             varchar(64) not null,
    region_code         varchar(2)  not null,
    campaign_id         text        not null,
    submission_id       uuid        not null,
    submission_revision integer     not null,
    version             integer     not null,
    rule_set_version    text        not null,
    assessed_at         timestamptz not null,
    met_count           integer     not null,
    all_met             boolean     not null,
    pending_reviews     integer     not null,
    levels              jsonb       not null,
    latest              boolean     not null,
    unique (unit_id, campaign_id, version)
);
create unique index assessment_latest on assessment (unit_id, campaign_id) where latest;
create index assessment_campaign_region on assessment (campaign_id, region_code) where latest;
