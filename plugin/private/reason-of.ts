/**
 * The gist of what Figma (or anything else) threw, short enough for a sentence: its messages can
 * be long. Read by shape, not `instanceof Error`: an error made in another realm (the API's, a
 * test's) is still an error with a message.
 */
export function reasonOf(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  const text = typeof message === 'string' ? message : String(error);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
