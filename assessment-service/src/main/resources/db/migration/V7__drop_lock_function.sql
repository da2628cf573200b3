-- The units' locks are taken by the shared KeyedLocks (alf-contract) in one statement of their own; the function V6
-- created for it is no longer called.
drop function alf_lock_units(integer, integer[]);
