import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox.ts';

const TIMEOUT = 10_000;

describe('outbox', () => {
  it('pending, then acknowledged: the message leaves the outbox', () => {
    const outbox = new Outbox(TIMEOUT);
    outbox.add('c1', 'Hei', 1000);
    expect(outbox.sent('c1', 1000)).toMatchObject({ state: 'pending', attempt: 1, deadline: 11_000 });
    expect(outbox.ack('c1')?.body).toBe('Hei');
    expect(outbox.size).toBe(0);
    expect(outbox.ack('c1')).toBeUndefined();
  });

  it('keeps a content note through every state, and a message without one stays unmarked', () => {
    const outbox = new Outbox(TIMEOUT);
    outbox.add('c1', 'Raskas asia', 0, true);
    outbox.add('c2', 'Hei', 0);
    outbox.sent('c1', 0);
    expect(outbox.unsent('c1')?.sensitive).toBe(true);
    expect(outbox.sent('c1', 1)?.sensitive).toBe(true);
    expect(outbox.postpone('c1', 'moderation.slow_mode', 5_000)?.sensitive).toBe(true);
    expect(outbox.resendable()).toEqual([]);
    expect(outbox.get('c2')?.sensitive).toBe(false);
    expect(outbox.ack('c1')?.sensitive).toBe(true);
  });

  it('fails when no acknowledgement comes in time', () => {
    const outbox = new Outbox(TIMEOUT);
    outbox.add('c1', 'Hei', 0);
    outbox.sent('c1', 0);
    expect(outbox.nextDeadline()).toBe(10_000);
    expect(outbox.expire(9_999)).toEqual([]);
    expect(outbox.expire(10_000).map((entry) => entry.clientId)).toEqual(['c1']);
    expect(outbox.get('c1')).toMatchObject({ state: 'failed', reason: 'timeout', deadline: null });
    expect(outbox.nextDeadline()).toBeNull();
  });

  it('fails with the server error code when the server refuses it', () => {
    const outbox = new Outbox(TIMEOUT);
    outbox.add('c1', 'Hei', 0);
    outbox.sent('c1', 0);
    expect(outbox.reject('c1', 'rate.limited')).toMatchObject({ state: 'failed', reason: 'rejected', errorCode: 'rate.limited' });
    expect(outbox.expire(20_000)).toEqual([]);
  });

  it('retries with the same client id, back to pending, then acknowledged', () => {
    const outbox = new Outbox(TIMEOUT);
    outbox.add('c1', 'Hei', 0);
    outbox.sent('c1', 0);
    outbox.expire(10_000);
    expect(outbox.sent('c1', 12_000)).toMatchObject({
      clientId: 'c1',
      state: 'pending',
      reason: null,
      errorCode: null,
      attempt: 2,
      deadline: 22_000,
    });
    expect(outbox.ack('c1')).toBeDefined();
  });

  it('a message written while disconnected fails at once and waits for the connection', () => {
    const outbox = new Outbox(TIMEOUT);
    outbox.add('c1', 'Hei', 0);
    expect(outbox.unsent('c1')).toMatchObject({ state: 'failed', reason: 'offline', attempt: 0 });
    expect(outbox.resendable().map((entry) => entry.clientId)).toEqual(['c1']);
  });

  it('a lost connection fails everything pending; a reconnect resends all but refused messages', () => {
    const outbox = new Outbox(TIMEOUT);
    for (const id of ['c1', 'c2', 'c3', 'c4']) {
      outbox.add(id, id, 0);
      outbox.sent(id, 0);
    }
    outbox.reject('c2', 'message.too_long');
    outbox.expire(10_000);
    outbox.add('c5', 'c5', 11_000);
    outbox.sent('c5', 11_000);
    expect(outbox.disconnected().map((entry) => entry.clientId)).toEqual(['c5']);
    expect(outbox.get('c5')).toMatchObject({ state: 'failed', reason: 'offline' });
    expect(outbox.resendable().map((entry) => entry.clientId)).toEqual(['c1', 'c3', 'c4', 'c5']);
  });

  it('keeps a message the server asked to wait for, in its place, until its time', () => {
    const outbox = new Outbox(TIMEOUT);
    outbox.add('c1', 'Ensimmäinen', 0);
    outbox.add('c2', 'Toinen', 1);
    outbox.sent('c1', 0);
    outbox.sent('c2', 1);
    expect(outbox.postpone('c1', 'moderation.slow_mode', 30_000)).toMatchObject({
      state: 'failed',
      reason: 'wait',
      errorCode: 'moderation.slow_mode',
      retryAt: 30_000,
      deadline: null,
    });
    outbox.postpone('c2', 'moderation.slow_mode', 20_000);
    expect(outbox.nextRetry()).toBe(20_000);
    expect(outbox.due(19_999)).toEqual([]);
    expect(outbox.due(30_000).map((entry) => entry.clientId)).toEqual(['c1', 'c2']);
    expect(outbox.resendable()).toEqual([]);
    expect(outbox.sent('c1', 30_000)).toMatchObject({ state: 'pending', retryAt: null });
    expect(outbox.nextRetry()).toBe(20_000);
  });

  it('keeps messages in the order they were written', () => {
    const outbox = new Outbox(TIMEOUT);
    outbox.add('b', 'toinen', 2);
    outbox.add('a', 'ensimmäinen', 1);
    outbox.sent('b', 3);
    expect(outbox.entries.map((entry) => entry.clientId)).toEqual(['b', 'a']);
  });

  it('ignores unknown client ids', () => {
    const outbox = new Outbox(TIMEOUT);
    expect(outbox.reject('nope', 'server.error')).toBeUndefined();
    expect(outbox.sent('nope', 0)).toBeUndefined();
    expect(outbox.size).toBe(0);
  });
});
