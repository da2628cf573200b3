-- The regional management level's two questionnaires, answered once per ALF region as REGION-<code>: the body's
-- self-evaluation (alf-region) and the region's research governance (region-governance). Same evaluation period,
-- window and remediation due date (2024-08-31, the default of the regional level's required actions) as
-- alf-2018-2021.
insert into campaign values
    ('alf-region-2018-2021', 'alf-region', '2021', '2018-01-01', '2021-12-31', '2021-12-31', '2022-02-15',
     '2026-12-31', '2024-08-31', 'OPEN'),
    ('region-governance-2018-2021', 'region-governance', '2021', '2018-01-01', '2021-12-31', '2021-12-31',
     '2022-02-15', '2026-12-31', '2024-08-31', 'OPEN');
