/**
 * A random v4 UUID for a message's client id. `crypto.randomUUID` exists only on secure pages
 * (https, localhost); elsewhere the same is built from `crypto.getRandomValues`.
 */
export function newClientId(source: Crypto = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') {
    try {
      return source.randomUUID();
    } catch {
      // Not a secure context: fall through.
    }
  }
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
