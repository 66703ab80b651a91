import { z } from 'zod';

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
