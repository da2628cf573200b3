-- The unit registry as survey-service publishes it on alf.units.v1: the denominator of the response rate (ALF-05).
create table registered_unit (
    id          varchar(64) primary key,
    region_code varchar(2)  not null,
    active      boolean     not null,
    updated_at  timestamptz not null
);
create index registered_unit_region on registered_unit (region_code) where active;
