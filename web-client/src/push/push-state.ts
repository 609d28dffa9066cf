/**
 * What the "notifications on this device" section shows, from what the browser, the server and
 * the session say. Kept apart from the browser's APIs so it can be tested as it is.
 */
export type PushState =
  /** Still finding out. */
  | 'checking'
  /** The browser has no service workers, Push API or notifications (or this is not a secure page). */
  | 'unsupported'
  /** The service runs without push (the server answered `push.disabled`). */
  | 'unavailable'
  /** A guest pass: registering is needed first. */
  | 'guest'
  /** Notifications are blocked for this site; only the browser's settings can allow them again. */
  | 'denied'
  /** This device receives notifications. */
  | 'on'
  /** This device could, but does not. */
  | 'off';

export type PushFacts = {
  /** `serviceWorker`, `PushManager` and `Notification` exist, in a secure context. */
  supported: boolean;
  /** The server's key, null when push is off there, undefined while not yet asked. */
  serverKey: string | null | undefined;
  guest: boolean;
  /** `Notification.permission`. */
  permission: NotificationPermission;
  /** This browser's subscription endpoint, null when it has none. */
  subscribedEndpoint: string | null;
  /** The endpoints of one's devices the server holds, undefined while not yet read. */
  serverEndpoints: readonly string[] | undefined;
};

export function pushState(facts: PushFacts): PushState {
  if (!facts.supported) return 'unsupported';
  if (facts.serverKey === undefined) return 'checking';
  if (facts.serverKey === null) return 'unavailable';
  if (facts.guest) return 'guest';
  if (facts.permission === 'denied') return 'denied';
  if (facts.serverEndpoints === undefined) return 'checking';
  const here = facts.subscribedEndpoint;
  return facts.permission === 'granted' && here !== null && facts.serverEndpoints.includes(here) ? 'on' : 'off';
}

/** Whether the switch is shown, and whether it is pressed. */
export function switchOf(state: PushState): { shown: boolean; pressed: boolean } {
  return { shown: state === 'on' || state === 'off', pressed: state === 'on' };
}

/** base64url (RFC 4648 section 5) to bytes, for the server key the browser takes. */
export function base64urlBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether a subscription was made with this server key (an operator may change the keys). */
export function sameKey(subscriptionKey: ArrayBuffer | null, serverKey: string): boolean {
  if (subscriptionKey === null) return false;
  const given = new Uint8Array(subscriptionKey);
  const expected = base64urlBytes(serverKey);
  return given.length === expected.length && given.every((byte, index) => byte === expected[index]);
}
