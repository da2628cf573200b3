-- A version made by re-assessing under a new rule set stores the levels it evaluated, and each level it carried
-- over as a stub {number, area, outcome, explanation: {carriedFrom: id}} naming the row that holds the level's
-- explanation (CarriedLevels composes the whole levels). The levels are json, not jsonb: the relay and the API send
-- them as text, which json keeps as it was written, where jsonb would be written out again on every read.
alter table assessment alter column levels type json using cast(levels as json);
