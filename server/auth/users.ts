import type { Kysely } from 'kysely';
import type { UserSummary } from '../../shared/protocol/admin';
import type { Role, SessionUser } from '../../shared/protocol/auth';
import { roles as allRoles } from '../../shared/protocol/auth';
import type { Database } from '../store/schema';

/** Sign-in is forgiving about case and width: a worker typing with a switch should not fail on "Agent". */
export function normalizeUsername(username: string): string {
  return username.trim().normalize('NFKC').toLowerCase();
}

/** Organisation names are matched as loosely as usernames: a worker should not fail on "demo shop". */
const normalizeOrganisation = normalizeUsername;

export async function createOrganisation(db: Kysely<Database>, name: string, now: number): Promise<number> {
  const row = await db
    .insertInto('organisations')
    .values({ name, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function countOrganisations(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewUserInput {
  orgId: number;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: readonly Role[];
  now: number;
}

/**
 * Null when the username is taken in this organisation. Usernames are unique
 * per organisation only, so creating one tells an admin nothing about the
 * people of any other organisation on the hub.
 */
export async function createUser(db: Kysely<Database>, input: NewUserInput): Promise<UserSummary | null> {
  const username = normalizeUsername(input.username);
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('username', '=', username)
    .executeTakeFirst();
  if (taken) return null;
  const row = await db
    .insertInto('users')
    .values({
      org_id: input.orgId,
      username,
      display_name: input.displayName,
      password_hash: input.passwordHash,
      created_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const roles = sortRoles(input.roles);
  await db
    .insertInto('user_roles')
    .values(roles.map((role) => ({ user_id: row.id, role })))
    .execute();
  return { id: row.id, username, displayName: input.displayName, roles, createdAt: input.now };
}

export interface Credentials {
  id: number;
  orgId: number;
  passwordHash: string;
  tokenVersion: number;
}

/**
 * Everyone with this username, in any organisation (or only in the one named),
 * oldest account first. Sign-in checks the password against each of them.
 */
export async function findCandidates(
  db: Kysely<Database>,
  username: string,
  organisation?: string,
): Promise<Credentials[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.org_id')
    .select([
      'users.id',
      'users.org_id',
      'users.password_hash',
      'users.token_version',
      'organisations.name as org_name',
    ])
    .where('users.username', '=', normalizeUsername(username))
    .orderBy('users.id')
    .execute();
  const wanted = organisation === undefined ? null : normalizeOrganisation(organisation);
  return rows
    .filter((r) => wanted === null || normalizeOrganisation(r.org_name) === wanted)
    .map((r) => ({
      id: r.id,
      orgId: r.org_id,
      passwordHash: r.password_hash,
      tokenVersion: r.token_version,
    }));
}

export interface SessionRecord {
  user: SessionUser;
  tokenVersion: number;
}

export async function loadSession(db: Kysely<Database>, userId: number): Promise<SessionRecord | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.org_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.token_version',
      'organisations.id as org_id',
      'organisations.name as org_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return {
    tokenVersion: row.token_version,
    user: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: sortRoles(roles.map((r) => r.role)),
      organisation: { id: row.org_id, name: row.org_name },
    },
  };
}

/** The people of an organisation, or only `userId` among them, with their roles. */
async function summaries(db: Kysely<Database>, orgId: number, userId?: number): Promise<UserSummary[]> {
  let users = db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'created_at'])
    .where('org_id', '=', orgId)
    .orderBy('id');
  let roles = db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['user_roles.user_id', 'user_roles.role'])
    .where('users.org_id', '=', orgId);
  if (userId !== undefined) {
    users = users.where('id', '=', userId);
    roles = roles.where('user_roles.user_id', '=', userId);
  }
  const userRows = await users.execute();
  const roleRows = await roles.execute();
  const rolesByUser = new Map<number, Role[]>();
  for (const r of roleRows) rolesByUser.set(r.user_id, [...(rolesByUser.get(r.user_id) ?? []), r.role]);
  return userRows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: sortRoles(rolesByUser.get(u.id) ?? []),
    createdAt: u.created_at,
  }));
}

export function listUsers(db: Kysely<Database>, orgId: number): Promise<UserSummary[]> {
  return summaries(db, orgId);
}

/** Sets a new password hash and invalidates every token issued before; the caller has checked the organisation. */
export async function setPassword(db: Kysely<Database>, userId: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ password_hash: passwordHash, token_version: eb('token_version', '+', 1) }))
    .where('id', '=', userId)
    .execute();
}

/** Replaces a user's roles; the caller has checked the user is in its organisation. */
export async function replaceRoles(
  db: Kysely<Database>,
  userId: number,
  roles: readonly Role[],
): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  await db
    .insertInto('user_roles')
    .values(sortRoles(roles).map((role) => ({ user_id: userId, role })))
    .execute();
}

/** Admins of the organisation other than `exceptUserId`: the last one may not give the role up. */
export async function countOtherAdmins(
  db: Kysely<Database>,
  orgId: number,
  exceptUserId: number,
): Promise<number> {
  const row = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('users.org_id', '=', orgId)
    .where('user_roles.role', '=', 'admin')
    .where('users.id', '!=', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One person of the organisation as the store holds them now; null if not in it. */
export async function userSummary(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
): Promise<UserSummary | null> {
  return (await summaries(db, orgId, userId))[0] ?? null;
}

function sortRoles(roles: readonly Role[]): Role[] {
  return allRoles.filter((r) => roles.includes(r));
}
