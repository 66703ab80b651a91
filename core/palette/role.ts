// zod/mini: this contract is bundled into the Figma sandbox, where every kilobyte is parsed on each run.
import * as z from 'zod/mini';

/** The roles Chorus names. Order is the display order of a palette. */
export const ROLES = [
  'background',
  'surface',
  'text',
  'text-muted',
  'primary',
  'on-primary',
  'secondary',
  'accent',
  'border',
  'success',
  'warning',
  'error',
  'info',
] as const;

export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;
