-- A server's weekly leaderboard post belongs to the server, not to the moderator who set it up:
-- when that moderator deletes their data (/privacy delete), the schedule and its failure history
-- stay and only the link to them (member_id) is cleared. Failures of a schedule without a
-- moderator are recorded, not DMed.
ALTER TABLE leaderboard_schedule ALTER COLUMN member_id DROP NOT NULL;
ALTER TABLE leaderboard_post_failure ALTER COLUMN member_id DROP NOT NULL;
