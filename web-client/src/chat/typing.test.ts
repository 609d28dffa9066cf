import { describe, expect, it } from 'vitest';
import { languages } from '../i18n/languages.ts';
import { LocaleStore } from '../i18n/locale-store.ts';
import { MemoryStorage } from '../testing/fakes.ts';
import { TypingThrottle, TypingTracker, typingLine } from './typing.ts';

function text(names: string[], language = 'fi'): string | null {
  const store = new LocaleStore(languages, new MemoryStorage());
  store.setLocale(language);
  const line = typingLine(names);
  return line === null ? null : (store.first(line.keys, line.params) ?? null);
}

describe('typing line', () => {
  it('names one or two people, and counts more as several', () => {
    expect(text([])).toBeNull();
    expect(text(['Anna'])).toBe('Anna kirjoittaa…');
    expect(text(['Anna', 'Matti'])).toBe('Anna ja Matti kirjoittavat…');
    expect(text(['Anna', 'Matti', 'Sanna'])).toBe('Useampi kirjoittaa…');
  });

  it('reads the same in English', () => {
    expect(text(['Anna'], 'en')).toBe('Anna is typing…');
    expect(text(['Anna', 'Matti'], 'en')).toBe('Anna and Matti are typing…');
    expect(text(['Anna', 'Matti', 'Sanna'], 'en')).toBe('Several people are typing…');
  });
});

describe('typing tracker', () => {
  it('forgets each person 5 seconds after their last notice', () => {
    const tracker = new TypingTracker();
    tracker.note('1', 'Anna', 0);
    tracker.note('2', 'Matti', 2000);
    expect(tracker.names(4999)).toEqual(['Anna', 'Matti']);
    expect(tracker.names(5000)).toEqual(['Matti']);
    tracker.note('2', 'Matti', 6000);
    expect(tracker.names(10_999)).toEqual(['Matti']);
    expect(tracker.names(11_000)).toEqual([]);
  });

  it('keeps the order people started typing in', () => {
    const tracker = new TypingTracker();
    tracker.note('1', 'Anna', 0);
    tracker.note('2', 'Matti', 100);
    tracker.note('1', 'Anna', 200);
    expect(tracker.names(300)).toEqual(['Anna', 'Matti']);
  });

  it('drops someone who sent their message, and reports the next expiry', () => {
    const tracker = new TypingTracker();
    tracker.note('1', 'Anna', 0);
    tracker.note('2', 'Matti', 1000);
    expect(tracker.nextExpiry()).toBe(5000);
    expect(tracker.remove('1')).toBe(true);
    expect(tracker.remove('1')).toBe(false);
    expect(tracker.nextExpiry()).toBe(6000);
    expect(tracker.prune(6000)).toBe(true);
    expect(tracker.nextExpiry()).toBeNull();
  });
});

describe('typing throttle', () => {
  it('lets one notice out per 3 seconds, and starts afresh after a sent message', () => {
    const throttle = new TypingThrottle();
    expect(throttle.take(0)).toBe(true);
    expect(throttle.take(2999)).toBe(false);
    expect(throttle.take(3000)).toBe(true);
    throttle.reset();
    expect(throttle.take(3100)).toBe(true);
  });
});
