import { describe, expect, it } from 'vitest';
import { hashOf, parseHash, routeNames } from './routes.ts';

describe('hash routes', () => {
  it('reads each route back from its own hash', () => {
    for (const name of routeNames) {
      expect(parseHash(hashOf(name))).toBe(name);
    }
  });

  it('treats an empty, bare or unknown hash as the landing page', () => {
    expect(parseHash('')).toBe('landing');
    expect(parseHash('#')).toBe('landing');
    expect(parseHash('#/nothing-here')).toBe('landing');
  });

  it('ignores a trailing slash and a query', () => {
    expect(parseHash('#/register/')).toBe('register');
    expect(parseHash('#/home?tab=1')).toBe('home');
  });
});
