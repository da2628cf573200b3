-- Count indicators (doctoral degrees per year, ALF-08, and the like) have no denominator.
alter table indicator_view alter column denominator drop not null;
