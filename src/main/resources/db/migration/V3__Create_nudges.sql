-- Weekly phase nudges (issue 4). SQL that both H2 (MODE=PostgreSQL) and PostgreSQL accept.
-- Both tables are keyed by (guild_id, member_id) and listed in privacy/PersonalData.java.
-- The Quartz job and trigger of a member ("nudges" group, name "<guild>:<member>") are derived
-- from nudge_settings: this table is the source of truth, Quartz only says when to look at it.

-- One row per member who ever turned nudges on in a server.
CREATE TABLE nudge_settings (
    guild_id         VARCHAR(32)              NOT NULL,
    member_id        VARCHAR(32)              NOT NULL,
    send_day         SMALLINT                 NOT NULL,  -- ISO day of week: 1 = Monday ... 7 = Sunday
    send_hour        SMALLINT                 NOT NULL,  -- local hour 0-23 in zone_id
    zone_id          VARCHAR(64)              NOT NULL,  -- IANA name, e.g. Europe/Berlin
    enabled          BOOLEAN                  NOT NULL,
    paused_until     TIMESTAMP WITH TIME ZONE,           -- nudges due before this are skipped
    disabled_reason  VARCHAR(32),                        -- 'off', 'dms_closed', 'unknown_member'
    disabled_detail  VARCHAR(300),
    schedule_from    TIMESTAMP WITH TIME ZONE NOT NULL,  -- set by /nudge on: nothing due before it is sent
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT nudge_settings_pk PRIMARY KEY (guild_id, member_id),
    CONSTRAINT nudge_settings_day_ck CHECK (send_day BETWEEN 1 AND 7),
    CONSTRAINT nudge_settings_hour_ck CHECK (send_hour BETWEEN 0 AND 23)
);
CREATE INDEX nudge_settings_enabled_ix ON nudge_settings (enabled);

-- The sent-log: at most one nudge per member and ISO week (week-based year and week of the due
-- time in the member's zone, '2026-W02'). A firing first claims the week (insert, unique key),
-- then sends, then records the outcome on the same row; a second firing for the week finds the
-- row and sends nothing. A 'claimed' row whose claimer died (crash, SIGKILL) is taken over once.
CREATE TABLE nudge_sent (
    guild_id       VARCHAR(32)              NOT NULL,
    member_id      VARCHAR(32)              NOT NULL,
    iso_week       VARCHAR(10)              NOT NULL,
    due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    state          VARCHAR(16)              NOT NULL,
    claimed_by     VARCHAR(200)             NOT NULL,   -- Quartz scheduler instance id
    claimed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    takeovers      INTEGER                  NOT NULL DEFAULT 0,
    attempts       INTEGER                  NOT NULL DEFAULT 0,
    delivered_via  VARCHAR(16),                         -- 'dm' or 'channel'
    detail         VARCHAR(300),
    finished_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT nudge_sent_week_uq PRIMARY KEY (guild_id, member_id, iso_week),
    CONSTRAINT nudge_sent_state_ck CHECK (state IN ('claimed', 'sent', 'failed', 'missed'))
);
CREATE INDEX nudge_sent_state_ix ON nudge_sent (state, due_at);
