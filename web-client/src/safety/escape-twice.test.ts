import { describe, expect, it } from 'vitest';
import { EscapeTwice } from './escape-twice.ts';

describe('quick exit shortcut: Escape twice', () => {
  it('fires on the second Escape within a second', () => {
    const shortcut = new EscapeTwice();
    expect(shortcut.press('Escape', 1000)).toBe(false);
    expect(shortcut.press('Escape', 2000)).toBe(true);
  });

  it('does not fire when the presses are more than a second apart; the late one starts a new pair', () => {
    const shortcut = new EscapeTwice();
    expect(shortcut.press('Escape', 1000)).toBe(false);
    expect(shortcut.press('Escape', 2001)).toBe(false);
    expect(shortcut.press('Escape', 2500)).toBe(true);
  });

  it('starts over after another key in between', () => {
    const shortcut = new EscapeTwice();
    shortcut.press('Escape', 0);
    expect(shortcut.press('a', 100)).toBe(false);
    expect(shortcut.press('Escape', 200)).toBe(false);
    expect(shortcut.press('Escape', 300)).toBe(true);
  });

  it('counts a held-down Escape as one press', () => {
    const shortcut = new EscapeTwice();
    shortcut.press('Escape', 0);
    expect(shortcut.press('Escape', 30, true)).toBe(false);
    expect(shortcut.press('Escape', 60, true)).toBe(false);
    expect(shortcut.press('Escape', 400)).toBe(true);
  });

  it('does not count an Escape that closed something, before or after a counted one', () => {
    const shortcut = new EscapeTwice();
    expect(shortcut.press('Escape', 0, false, true)).toBe(false);
    expect(shortcut.press('Escape', 100)).toBe(false);
    expect(shortcut.press('Escape', 200, false, true)).toBe(false);
    expect(shortcut.press('Escape', 300)).toBe(false);
    expect(shortcut.press('Escape', 400)).toBe(true);
  });

  it('needs a fresh pair after firing', () => {
    const shortcut = new EscapeTwice();
    shortcut.press('Escape', 0);
    expect(shortcut.press('Escape', 100)).toBe(true);
    expect(shortcut.press('Escape', 200)).toBe(false);
  });

  it('ignores Shift, which used to be the shortcut', () => {
    const shortcut = new EscapeTwice();
    expect([0, 100, 200].map((time) => shortcut.press('Shift', time))).toEqual([false, false, false]);
  });
});
