import { describe, expect, it } from 'vitest';
import { LatestLoad } from './latest.ts';

describe('latest load', () => {
  it('keeps only the answer of the load started last', () => {
    const loads = new LatestLoad();
    const first = loads.begin();
    expect(first()).toBe(true);
    const second = loads.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });
});
