/**
 * Bytes of `text` in UTF-8, as Figma counts a plugin-data entry. Counted by hand: the sandbox has
 * no TextEncoder (its lib is ES2022, no DOM). A lone surrogate counts 3, as TextEncoder would
 * encode it (U+FFFD).
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
