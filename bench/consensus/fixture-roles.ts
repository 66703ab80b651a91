import { ROLES, type Role } from '../../core/palette/role.ts';

/**
 * The fixtures' role names that Chorus calls otherwise. `surfaceVariant` and `primaryContainer`
 * have no Chorus role, and Chorus's `accent` none in the fixtures: those map to undefined.
 */
const FIXTURE_TO_CHORUS: Readonly<Record<string, Role>> = { muted: 'text-muted', onPrimary: 'on-primary' };
const CHORUS_TO_FIXTURE: Readonly<Partial<Record<Role, string>>> = { 'text-muted': 'muted', 'on-primary': 'onPrimary', accent: undefined };

/** A fixture role (`muted`, `onPrimary`…) as Chorus's role; undefined when Chorus has no such role. */
export function chorusRoleOf(fixtureRole: string): Role | undefined {
  const mapped = FIXTURE_TO_CHORUS[fixtureRole];
  if (mapped) return mapped;
  return (ROLES as readonly string[]).includes(fixtureRole) ? (fixtureRole as Role) : undefined;
}

/** A Chorus role in the fixtures' vocabulary; undefined for `accent`, which no fixture names. */
export function fixtureRoleOf(role: Role): string | undefined {
  return role in CHORUS_TO_FIXTURE ? CHORUS_TO_FIXTURE[role] : role;
}
