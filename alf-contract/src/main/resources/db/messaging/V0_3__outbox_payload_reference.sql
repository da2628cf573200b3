-- An outbox row may refer to data the service stores already instead of holding a copy of it: payload_kind names the
-- service's OutboxPayloads bean that finishes the event when the relay publishes it, payload_ref is the reference it
-- is given. This replaces the table and column names of V0_2, which made the shared relay read one service's rows:
-- the rows written under V0_2 refer to the assessment's levels, kind 'assessment.levels', as the table and column
-- they named. An instance still running the relay of V0_2 fails its batches (and sends nothing) until it is replaced.
alter table outbox_event
    add column payload_kind text,
    add column payload_ref  bigint,
    add constraint outbox_event_payload_reference check ((payload_kind is null) = (payload_ref is null));
update outbox_event set payload_kind = stored_table || '.' || stored_column, payload_ref = stored_row_id
    where stored_table is not null;
alter table outbox_event
    drop constraint outbox_event_stored_member,
    drop column stored_member,
    drop column stored_table,
    drop column stored_column,
    drop column stored_row_id;
