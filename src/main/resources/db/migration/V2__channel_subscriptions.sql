-- Which channels get which end-of-support announcements, as people in them asked from Slack.
-- line is a Kommander minor ("2.16"; DKP and NKP number theirs the same) or '*' for every line.
CREATE TABLE channel_subscriptions (
  channel text NOT NULL,
  line text NOT NULL,
  subscribed_by text NOT NULL,
  subscribed_at timestamptz NOT NULL,
  PRIMARY KEY (channel, line)
);
