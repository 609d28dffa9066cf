import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RoomTyping } from './room-typing.ts';
import { TYPING_INTERVAL_MS, TYPING_TTL_MS } from './typing.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('room typing', () => {
  it('tells when someone starts, stops or lapses, and only when the line changed', () => {
    const store = new RoomTyping(() => Date.now());
    let told = 0;
    store.on('typing-changed', () => told++);
    store.noted('8', 'Matti');
    store.noted('9', 'Sanna');
    store.stopped('9');
    store.stopped('9');
    expect(told).toBe(3);
    expect(store.line).toEqual({ keys: ['chat.typing.one'], params: { name: 'Matti' } });
    vi.advanceTimersByTime(TYPING_TTL_MS);
    expect(told).toBe(4);
    expect(store.line).toBeNull();
  });

  it('clears with or without telling, and lets a lapse go untold once stopped', () => {
    const store = new RoomTyping(() => Date.now());
    let told = 0;
    store.on('typing-changed', () => told++);
    store.noted('8', 'Matti');
    store.clear(false);
    store.clear(true);
    expect(told).toBe(2);
    store.noted('8', 'Matti');
    store.stop();
    vi.advanceTimersByTime(TYPING_TTL_MS);
    expect(told).toBe(3);
  });

  it('lets our own notices go once per interval, and at once after a sent message', () => {
    const store = new RoomTyping(() => Date.now());
    expect(store.mayNotify()).toBe(true);
    expect(store.mayNotify()).toBe(false);
    store.sent();
    expect(store.mayNotify()).toBe(true);
    vi.advanceTimersByTime(TYPING_INTERVAL_MS);
    expect(store.mayNotify()).toBe(true);
  });
});
