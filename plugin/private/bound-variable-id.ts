/** The id of the variable the paints' one SOLID paint binds its colour to, if it is one bound paint. */
export function boundVariableId(paints: ReadonlyArray<Paint>): string | undefined {
  if (paints.length !== 1) return undefined;
  const paint = paints[0]!;
  return paint.type === 'SOLID' ? paint.boundVariables?.color?.id : undefined;
}
