import { describe, expect, it } from 'vitest';
import { splitPhoneNumbers } from './phone-numbers.ts';

function numbers(text: string): string[] {
  return splitPhoneNumbers(text)
    .filter((run) => run.dial !== null)
    .map((run) => `${run.text}=${run.dial}`);
}

describe('telephone numbers in the crisis message', () => {
  it('finds the numbers as written, in every language', () => {
    expect(
      numbers(
        'Jos olet välittömässä vaarassa, soita 112. Nollalinja auttaa ympäri vuorokauden, maksutta: 080 005 005. Kriisipuhelin: 09 2525 0111.',
      ),
    ).toEqual(['112=112', '080 005 005=080005005', '09 2525 0111=0925250111']);
    expect(numbers('Call +358 9 2525 0111 now')).toEqual(['+358 9 2525 0111=+358925250111']);
  });

  it('leaves times, dates, short numbers and digits inside words alone', () => {
    expect(numbers('24/7 and free of charge, 9.00–16.00, on 6.12.2026, in 2 minutes, room A112, 12:30')).toEqual([]);
  });

  it('keeps every character of the text, in order', () => {
    const text = 'soita 112 tai 080 005 005.';
    const runs = splitPhoneNumbers(text);
    expect(runs.map((run) => run.text).join('')).toBe(text);
    expect(runs).toEqual([
      { text: 'soita ', dial: null },
      { text: '112', dial: '112' },
      { text: ' tai ', dial: null },
      { text: '080 005 005', dial: '080005005' },
      { text: '.', dial: null },
    ]);
    expect(splitPhoneNumbers('')).toEqual([]);
  });
});
