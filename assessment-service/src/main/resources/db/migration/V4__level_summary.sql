-- What re-assessing reads of each level of a version besides its number: its area and outcome, and whether an
-- assessor's decision or a site-visit override is part of its explanation, as [number, area, outcome, decidedApart]
-- per level. Written with every version, so that re-assessing many units never reads (and decompresses) the levels
-- with their explanations. Versions written before this column have none; their summary is read from the levels.
alter table assessment add column level_summary jsonb;
