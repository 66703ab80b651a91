/** The UTC calendar day of `date` as `YYYY-MM-DD`: the ledger's unit of "today". */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The UTC day before `day` (`YYYY-MM-DD`). */
export function previousUtcDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return utcDay(date);
}
