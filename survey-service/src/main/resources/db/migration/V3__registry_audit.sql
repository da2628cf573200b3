-- who changed a unit or a campaign, when, and which fields, written in the transaction of the change
create table registry_event (
    id         bigserial primary key,
    subject    text        not null check (subject in ('UNIT', 'CAMPAIGN')),
    subject_id text        not null,
    action     text        not null,
    actor      text        not null,
    at         timestamptz not null,
    changes    jsonb       not null
);
create index registry_event_subject on registry_event (subject, subject_id, id);
