-- A site visit's correction of one level of one unit in a campaign (AMB-14). The final outcome of a level is the
-- rule's, then an assessor's decision on an example, then an override; all three are kept. At most one override of
-- a level is in force; withdrawn and replaced ones stay for the record.
create table site_visit_override (
    id               uuid primary key,
    unit_id          varchar(64) not null,
    region_code      varchar(2)  not null,
    campaign_id      text        not null,
    level            integer     not null,
    outcome          varchar(16) not null,
    reason           text        not null,
    visited_on       date,
    decided_by       text        not null,
    decided_at       timestamptz not null,
    withdrawn_by     text,
    withdrawn_at     timestamptz,
    withdrawal_reason text
);
create unique index site_visit_override_in_force on site_visit_override (unit_id, campaign_id, level)
    where withdrawn_at is null;
create index site_visit_override_region on site_visit_override (region_code, campaign_id);
