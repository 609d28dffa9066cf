import type { ApiClient } from './api-client.ts';

/** One of one's devices with notifications on, as the server lists it. */
export type PushDevice = {
  id: string;
  /** The push service's address for this browser; compared to tell "this device" apart. */
  endpoint: string;
  /** The push service's host, e.g. `fcm.googleapis.com`. */
  pushService: string;
  /** Coarse browser and platform ("Chrome, Android"); empty when not recognised. */
  deviceLabel: string;
  createdAt: string;
  lastDeliveredAt: string | null;
};

/** The browser's `PushSubscription.toJSON()`. */
export type BrowserSubscription = {
  endpoint: string;
  keys: { p256dh: string; auth: string };
};

/** The server's VAPID public key (base64url); rejects with 404 `push.disabled` when push is off. */
export async function fetchPushPublicKey(api: ApiClient): Promise<string> {
  return (await api.get<{ publicKey: string }>('/api/push/public-key')).publicKey;
}

export function fetchPushDevices(api: ApiClient): Promise<PushDevice[]> {
  return api.get<PushDevice[]>('/api/me/push-subscriptions');
}

/** Idempotent per endpoint; refusals `push.guest`, `push.too_many_devices`, `push.endpoint_not_allowed`, `push.invalid_keys`. */
export function savePushSubscription(api: ApiClient, subscription: BrowserSubscription): Promise<PushDevice> {
  return api.post<PushDevice>('/api/me/push-subscriptions', subscription);
}

export function removePushDevice(api: ApiClient, id: string): Promise<void> {
  return api.request<void>('DELETE', `/api/me/push-subscriptions/${encodeURIComponent(id)}`);
}

export function removePushEndpoint(api: ApiClient, endpoint: string): Promise<void> {
  return api.request<void>('DELETE', `/api/me/push-subscriptions?endpoint=${encodeURIComponent(endpoint)}`);
}
