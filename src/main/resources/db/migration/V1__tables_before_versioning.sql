-- The tables as the bot created them itself before its schema was versioned. Every statement is
-- idempotent, so a database made by an older version is brought to this one unharmed.

-- Versions before the outbox kept announcements alone in announcement_ledger.
DO $$ BEGIN
  IF to_regclass('announcement_ledger') IS NOT NULL AND to_regclass('outbox') IS NULL THEN
    ALTER TABLE announcement_ledger RENAME TO outbox;
  END IF;
END $$;

CREATE TABLE IF NOT EXISTS outbox (
  key text PRIMARY KEY,
  state text NOT NULL,
  owner text,
  updated timestamptz NOT NULL,
  slack_ts text,
  error text,
  attempts int NOT NULL DEFAULT 0
);
ALTER TABLE outbox
  ADD COLUMN IF NOT EXISTS channel text,
  ADD COLUMN IF NOT EXISTS thread_ts text,
  ADD COLUMN IF NOT EXISTS text text,
  ADD COLUMN IF NOT EXISTS blocks text;
CREATE INDEX IF NOT EXISTS outbox_unfinished ON outbox (updated)
  WHERE state IN ('PENDING', 'RETRY', 'CLAIMED');

CREATE TABLE IF NOT EXISTS slack_once (
  key text PRIMARY KEY,
  claimed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS upstream_state (
  id int PRIMARY KEY,
  doc text NOT NULL,
  updated timestamptz NOT NULL DEFAULT now()
);
