import type { Role } from '../core/palette/role.ts';

/** `text-muted` → `Text muted`; a colour without a role reads `Colour`. */
export function roleLabel(role: Role | undefined): string {
  if (!role) return 'Colour';
  const words = role.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
