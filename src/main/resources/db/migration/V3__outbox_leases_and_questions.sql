-- Claims become leases with a fencing token: the holder renews lease_until while it works and
-- checks owner and fence before each send; every claim and takeover raises fence, so a holder
-- whose claim was taken over can no longer renew, release or fail the post.
-- A claim made before this version has no lease_until: it lapses 3 minutes after it was made
-- (Ledger.LEGACY_LEASE, the old default claim timeout).
-- question and answerer: a mention recorded before it was read; its reply is written when posted.
ALTER TABLE outbox
  ADD COLUMN IF NOT EXISTS fence bigint NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS lease_until timestamptz,
  ADD COLUMN IF NOT EXISTS question text,
  ADD COLUMN IF NOT EXISTS answerer text;
