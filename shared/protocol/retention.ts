/**
 * How long the hub remembers a command id (and answers its repeat with the
 * first answer), and how long the workstation may still resend one. The outbox
 * stops a day before the hub forgets, so no resend can ever arrive at a hub
 * that no longer knows the id and would apply it a second time.
 */
const dayMs = 24 * 60 * 60 * 1000;
export const commandResultRetentionMs = 8 * dayMs;
export const outboxMaxAgeMs = 7 * dayMs;
