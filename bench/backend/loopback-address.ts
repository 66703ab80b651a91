/** Addresses per /24 used: .1 to .250. */
const PER_BLOCK = 250;

/**
 * The `index`-th of distinct loopback source addresses: 127.1.0.1, 127.1.0.2, … (Linux routes all
 * of 127.0.0.0/8 to the loopback interface, RFC 1122 §3.2.1.3). The server counts each as its own client.
 */
export function loopbackAddress(index: number): string {
  return `127.1.${Math.floor(index / PER_BLOCK) % 256}.${1 + (index % PER_BLOCK)}`;
}
