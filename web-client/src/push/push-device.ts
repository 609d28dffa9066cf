import type { ApiClient } from '../api/api-client.ts';
import { ApiError } from '../api/problem.ts';
import { type BrowserSubscription, fetchPushPublicKey, removePushEndpoint, savePushSubscription } from '../api/push.ts';
import { base64urlBytes, sameKey } from './push-state.ts';

/**
 * The service worker's script: built to the root, so its scope is the whole service. In
 * development Vite serves the source as a module instead (its scope is then its folder, which
 * is enough for push).
 */
const serviceWorker = import.meta.env.DEV
  ? { url: '/src/push-worker/service-worker.ts', options: { type: 'module' } as RegistrationOptions }
  : { url: '/push-worker.js', options: { scope: '/' } as RegistrationOptions };

/** Remembers whose account turned push on in this browser, so only theirs is renewed here. */
const OWNER_KEY = 'tukipiiri.push.owner';

/** The person did not allow notifications when the browser asked. */
export class PermissionRefused extends Error {
  readonly permission: NotificationPermission;

  constructor(permission: NotificationPermission) {
    super(`notification permission ${permission}`);
    this.permission = permission;
  }
}

function toJson(subscription: PushSubscription): BrowserSubscription {
  const json = subscription.toJSON();
  return { endpoint: subscription.endpoint, keys: { p256dh: json.keys?.['p256dh'] ?? '', auth: json.keys?.['auth'] ?? '' } };
}

/** This browser's side of Web Push: its service worker, its permission and its subscription. */
export class PushHere {
  readonly #api: ApiClient;
  readonly #storage: Storage;

  constructor(api: ApiClient, storage: Storage) {
    this.#api = api;
    this.#storage = storage;
  }

  /** Service workers, the Push API and notifications, on a secure page. */
  get supported(): boolean {
    return window.isSecureContext && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  }

  get permission(): NotificationPermission {
    return 'Notification' in window ? Notification.permission : 'denied';
  }

  /** This browser's subscription, if it has one. */
  async current(): Promise<PushSubscription | null> {
    if (!this.supported) return null;
    const registration = await navigator.serviceWorker.getRegistration(serviceWorker.url);
    return (await registration?.pushManager.getSubscription()) ?? null;
  }

  /**
   * Asks for permission (only now, on the person's tap), subscribes with the server's key and
   * tells the server. Rejects with {@link PermissionRefused}, or the server's refusal.
   */
  async turnOn(serverKey: string, accountId: string): Promise<void> {
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') throw new PermissionRefused(permission);
    await navigator.serviceWorker.register(serviceWorker.url, serviceWorker.options);
    const registration = await navigator.serviceWorker.ready;
    const subscription = await this.#subscribed(registration, serverKey);
    await savePushSubscription(this.#api, toJson(subscription));
    this.#storage.setItem(OWNER_KEY, accountId);
  }

  /** Ends push here: the server forgets this device, and the browser its subscription. */
  async turnOff(): Promise<void> {
    const subscription = await this.current();
    if (subscription !== null) {
      await removePushEndpoint(this.#api, subscription.endpoint).catch((error: unknown) => {
        if (!(error instanceof ApiError && error.problem.code === 'push.subscription_not_found')) throw error;
      });
      await subscription.unsubscribe();
    }
    this.#storage.removeItem(OWNER_KEY);
  }

  /**
   * On signing in: if this person turned push on here, tells the server this browser's
   * subscription again, subscribing anew when the browser renewed it or the server's key
   * changed. Someone else signing in on a shared device does not take it over unasked.
   */
  async renew(accountId: string): Promise<void> {
    if (!this.supported || this.permission !== 'granted' || this.#storage.getItem(OWNER_KEY) !== accountId) return;
    const registration = await navigator.serviceWorker.getRegistration(serviceWorker.url);
    if (registration === undefined) return;
    const serverKey = await fetchPushPublicKey(this.#api);
    const subscription = await this.#subscribed(registration, serverKey);
    await savePushSubscription(this.#api, toJson(subscription));
  }

  /** On signing out: the person's notifications stop coming to this device. */
  async release(accountId: string): Promise<void> {
    if (this.#storage.getItem(OWNER_KEY) !== accountId) return;
    await this.turnOff();
  }

  async #subscribed(registration: ServiceWorkerRegistration, serverKey: string): Promise<PushSubscription> {
    const existing = await registration.pushManager.getSubscription();
    if (existing !== null && sameKey(existing.options.applicationServerKey, serverKey)) return existing;
    await existing?.unsubscribe();
    return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64urlBytes(serverKey) });
  }
}
