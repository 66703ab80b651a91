import { ROLES, type Role } from '../../core/palette/role.ts';

/**
 * The fixtures' role names that Chorus calls otherwise. `surfaceVariant` and `primaryContainer`
 * have no Chorus role; `accent` is named by the real screenshots (syntax and ANSI colours) only.
 */
const FIXTURE_TO_CHORUS: Readonly<Record<string, Role>> = { muted: 'text-muted', onPrimary: 'on-primary' };
const CHORUS_TO_FIXTURE: Readonly<Partial<Record<Role, string>>> = { 'text-muted': 'muted', 'on-primary': 'onPrimary' };

/** A fixture role (`muted`, `onPrimary`…) as Chorus's role; undefined when Chorus has no such role. */
export function chorusRoleOf(fixtureRole: string): Role | undefined {
  const mapped = FIXTURE_TO_CHORUS[fixtureRole];
  if (mapped) return mapped;
  return (ROLES as readonly string[]).includes(fixtureRole) ? (fixtureRole as Role) : undefined;
}

/** A Chorus role in the fixtures' vocabulary. */
export function fixtureRoleOf(role: Role): string {
  return CHORUS_TO_FIXTURE[role] ?? role;
}
