/**
 * A loopback source address for the `n`th fuzz client (127.1.0.1, 127.1.0.2, …, up to 62 500 of
 * them). The whole of 127.0.0.0/8 is this machine on Linux, and the server keys its per-client
 * limits by peer address, so spreading inputs over addresses lets thousands of images reach the
 * decoder without being rate-limited, while the limits stay on (one address gets a burst on purpose).
 */
export function clientAddress(n: number): string {
  const k = n % 62_500;
  return `127.1.${Math.floor(k / 250)}.${1 + (k % 250)}`;
}
