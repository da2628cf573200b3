-- An event whose data holds a large member that a row of the service's own schema stores already (an assessment's
-- levels) refers to that row instead of holding a second copy: the relay reads the member when it publishes the
-- event (OutboxRelay). The row must never change afterwards, so that a re-sent event is the same event.
--
-- This migration follows services' own ones already applied to existing databases; the services run Flyway with
-- out-of-order migrations allowed (alf-contract's microprofile-config.properties) for the shared ones.
alter table outbox_event
    add column stored_member text,
    add column stored_table  text,
    add column stored_column text,
    add column stored_row_id bigint,
    add constraint outbox_event_stored_member check (
        (stored_member is null and stored_table is null and stored_column is null and stored_row_id is null)
        or (stored_member is not null and stored_table is not null and stored_column is not null
            and stored_row_id is not null));
