import { describe, expect, it } from 'vitest';
import { newClientId } from './client-id.ts';
import { formatMessageTime } from './format.ts';

describe('message times', () => {
  const now = new Date('2026-11-23T19:30:00Z');

  it('shows only the Helsinki clock time for today', () => {
    expect(formatMessageTime('2026-11-23T16:05:00Z', 'fi-FI', now)).toBe('18.05');
    expect(formatMessageTime('2026-11-23T16:05:00Z', 'en-GB', now)).toBe('18:05');
  });

  it('adds the date for earlier days, by the Helsinki calendar', () => {
    expect(formatMessageTime('2026-11-22T22:30:00Z', 'fi-FI', now)).toBe('00.30');
    expect(formatMessageTime('2026-11-22T21:30:00Z', 'fi-FI', now)).toMatch(/^22\.11\.? (klo )?23\.30$/);
    expect(formatMessageTime('2025-06-01T09:00:00Z', 'fi-FI', now)).toMatch(/2025/);
  });

  it('shows nothing for a time it cannot read', () => {
    expect(formatMessageTime('eilen', 'fi-FI', now)).toBe('');
  });
});

describe('client ids', () => {
  it('are v4 UUIDs, also where randomUUID is missing', () => {
    const pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newClientId()).toMatch(pattern);
    const insecure = { getRandomValues: <T extends ArrayBufferView>(array: T) => globalThis.crypto.getRandomValues(array) } as Crypto;
    const id = newClientId(insecure);
    expect(id).toMatch(pattern);
    expect(newClientId(insecure)).not.toBe(id);
  });
});
