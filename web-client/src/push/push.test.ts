import { describe, expect, it } from 'vitest';
import { fallbackPayload, openTarget, readPayload } from './push-payload.ts';
import { type PushFacts, base64urlBytes, pushState, sameKey, switchOf } from './push-state.ts';

const endpoint = 'https://fcm.googleapis.com/fcm/send/abc';

const on: PushFacts = {
  supported: true,
  serverKey: 'BAAB',
  guest: false,
  permission: 'granted',
  subscribedEndpoint: endpoint,
  serverEndpoints: [endpoint],
};

describe('the push section state', () => {
  it('is on only when permitted, subscribed here and known to the server', () => {
    expect(pushState(on)).toBe('on');
    expect(pushState({ ...on, serverEndpoints: [] })).toBe('off');
    expect(pushState({ ...on, subscribedEndpoint: null })).toBe('off');
    expect(pushState({ ...on, permission: 'default' })).toBe('off');
  });

  it('says why push cannot be turned on, most basic reason first', () => {
    expect(pushState({ ...on, supported: false, permission: 'denied', serverKey: null })).toBe('unsupported');
    expect(pushState({ ...on, serverKey: null, guest: true })).toBe('unavailable');
    expect(pushState({ ...on, guest: true, permission: 'denied' })).toBe('guest');
    expect(pushState({ ...on, permission: 'denied' })).toBe('denied');
  });

  it('waits for the server before saying on or off', () => {
    expect(pushState({ ...on, serverKey: undefined })).toBe('checking');
    expect(pushState({ ...on, serverEndpoints: undefined })).toBe('checking');
    expect(pushState({ ...on, serverEndpoints: undefined, permission: 'denied' })).toBe('denied');
  });

  it('shows the switch only where it can act', () => {
    expect(switchOf('on')).toEqual({ shown: true, pressed: true });
    expect(switchOf('off')).toEqual({ shown: true, pressed: false });
    for (const state of ['checking', 'unsupported', 'unavailable', 'guest', 'denied'] as const) {
      expect(switchOf(state).shown, state).toBe(false);
    }
  });

  it('compares a subscription key with the server key in base64url', () => {
    const key = base64urlBytes('BP8_-w');
    expect([...key]).toEqual([0x04, 0xff, 0x3f, 0xfb]);
    expect(sameKey(key.buffer, 'BP8_-w')).toBe(true);
    expect(sameKey(key.buffer, 'BP8_-A')).toBe(false);
    expect(sameKey(null, 'BP8_-w')).toBe(false);
  });
});

describe('a push message in the service worker', () => {
  it('reads the server payload', () => {
    expect(readPayload('{"title":"Tukipiiri","body":"Uusi ilmoitus","url":"/#/notifications","tag":"n1"}')).toEqual({
      title: 'Tukipiiri',
      body: 'Uusi ilmoitus',
      url: '/#/notifications',
      tag: 'n1',
    });
  });

  it('falls back to a discreet notice for anything else', () => {
    expect(readPayload(null)).toEqual(fallbackPayload);
    expect(readPayload('not json')).toEqual(fallbackPayload);
    expect(readPayload('[1]').title).toBe('Tukipiiri');
    expect(readPayload('{"title":" ","tag":""}')).toEqual(fallbackPayload);
  });

  it('opens only paths of this service', () => {
    const origin = 'https://tukipiiri.example';
    expect(openTarget('/#/notifications', origin)).toBe('https://tukipiiri.example/#/notifications');
    expect(openTarget('https://evil.example/', origin)).toBe('https://tukipiiri.example/');
    expect(openTarget('//evil.example/x', origin)).toBe('https://tukipiiri.example/');
    expect(openTarget('javascript:alert(1)', origin)).toBe('https://tukipiiri.example/');
  });
});
