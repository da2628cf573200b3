-- A version made by re-assessing under a new rule set stores the levels it evaluated, and each level it carried
-- over as a stub {number, area, outcome, explanation: {carriedFrom: id}} naming the row that holds the level's
-- explanation (CarriedLevels composes the whole levels).
-- The levels, the answers and the level summary are json, not jsonb: this service only ever reads them back as
-- text (the relay and the API send the levels as they are; re-assessing many units parses the answers and the
-- summaries itself), which json keeps as it was written, where jsonb would be written out again on every read.
alter table assessment
    alter column levels type json using cast(levels as json),
    alter column answers type json using cast(answers as json),
    alter column level_summary type json using cast(level_summary as json);
