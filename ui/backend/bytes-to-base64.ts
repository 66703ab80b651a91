/** Bytes per String.fromCharCode call: well under every engine's argument-count limit. */
const CHUNK = 0x8000;

/** Standard base64 (with `=` padding) of `bytes`, as the extract request carries images. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
