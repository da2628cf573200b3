-- one submission per unit and campaign: a second client UUID for the same unit would split its history
create unique index submission_campaign_unit on submission (campaign_id, unit_id);

alter table submission add column return_comment text;
alter table submission add column returned_at timestamptz;
alter table submission add column returned_by text;

-- every transition and every changed answer, written in the transaction of the change
create table submission_event (
    id            bigserial primary key,
    submission_id uuid        not null references submission (id),
    action        text        not null,
    status        text        not null,
    revision      integer     not null,
    actor         text        not null,
    at            timestamptz not null,
    comment       text,
    import_id     uuid,
    changes       jsonb       not null
);
create index submission_event_submission on submission_event (submission_id, id);

-- one audit record per bulk import, whatever the number of rows
create table import_run (
    id          uuid primary key,
    actor       text        not null,
    region_code varchar(2),
    format      text        not null,
    dry_run     boolean     not null,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    summary     jsonb       not null
);
