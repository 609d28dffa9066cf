import { describe, expect, it } from 'vitest';
import { Reveals, contentNoteAfterSend, contentNoteView } from './content-note.ts';

const marked = { sensitive: true, removed: false, kind: 'TEXT' as const };

describe('content note', () => {
  it('veils only someone else’s marked message, and tags the writer’s own', () => {
    expect(contentNoteView(marked, false, false)).toBe('veiled');
    expect(contentNoteView(marked, false, true)).toBe('revealed');
    expect(contentNoteView(marked, true, false)).toBe('tagged');
    expect(contentNoteView(marked, true, true)).toBe('tagged');
  });

  it('leaves unmarked, removed and crisis messages as they are', () => {
    expect(contentNoteView({ ...marked, sensitive: false }, false, false)).toBe('plain');
    expect(contentNoteView({ removed: false }, false, false)).toBe('plain');
    expect(contentNoteView({ ...marked, removed: true }, false, false)).toBe('plain');
    expect(contentNoteView({ ...marked, kind: 'CRISIS' }, false, false)).toBe('plain');
  });

  it('turns the composer’s toggle off once the text is taken, and keeps it while the text stays', () => {
    expect(contentNoteAfterSend('sent', true)).toBe(false);
    for (const kept of ['wait', 'empty', 'too_long', 'invalid', 'closed'] as const) {
      expect(contentNoteAfterSend(kept, true), kept).toBe(true);
      expect(contentNoteAfterSend(kept, false), kept).toBe(false);
    }
    expect(contentNoteAfterSend('sent', false)).toBe(false);
  });

  it('remembers which messages the reader revealed, and veils one again on a second toggle', () => {
    const reveals = new Reveals();
    expect(reveals.has(4)).toBe(false);
    expect(reveals.toggle(4)).toBe(true);
    expect(reveals.has(4)).toBe(true);
    expect(reveals.has(5)).toBe(false);
    expect(reveals.toggle(4)).toBe(false);
    expect(reveals.has(4)).toBe(false);
  });
});
