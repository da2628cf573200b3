-- An outcome figure of units (ALF-01 ... ALF-04) names the indicator whose denominator at the same org unit and
-- period counts the responding units behind it (indicator-service's inputs.groupSizeOf); the small-group rule uses it.
alter table indicator_view add column group_size_of text;
