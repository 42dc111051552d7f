import { z } from 'zod';
import { text } from './text';

export const roles = ['agent', 'anchor', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = text()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, dash or underscore only');
/** Long enough for a passphrase, short enough that scrypt cannot be made to chew megabytes. */
export const passwordSchema = text().min(8).max(256);
export const displayNameSchema = text().trim().min(1).max(80);

export const organisationNameSchema = text().trim().min(1).max(120);

export const loginRequestSchema = z.object({
  username: text().trim().min(1).max(64),
  password: text().min(1).max(256),
  /**
   * Usernames are unique per organisation. Needed only where two organisations
   * on one hub share a username and its password (the hub then answers
   * `conflict`); matched ignoring case and width.
   */
  organisation: organisationNameSchema.optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  organisation: z.object({ id: z.number().int(), name: z.string() }),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.number().int(),
  /** Lets the workstation keep each user's drafts and outbox apart on a shared PC. */
  userId: z.number().int(),
  /** Who signed in, so the workstation opens the right workspaces before its socket connects. */
  user: sessionUserSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** First-run setup of a hub started without --demo and without --admin-password. */
export const setupRequestSchema = z.object({
  code: text().trim().min(1).max(64),
  organisation: organisationNameSchema,
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
});
export type SetupRequest = z.infer<typeof setupRequestSchema>;

export const socketAuthSchema = z.object({ token: z.string().min(1).max(4096) });
