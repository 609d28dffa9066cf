// The service worker (built to /push-worker.js, scope /): shows a push message as a notification,
// brings Tukipiiri forward on a tap, and subscribes again when the push service renews the
// subscription. It holds no session: the page tells the server about a renewed subscription
// the next time it opens (src/push/push-device.ts).
import { openTarget, readPayload } from '../push/push-payload.ts';

declare const self: ServiceWorkerGlobalScope;

self.addEventListener('install', () => {
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('push', (event) => {
  const message = readPayload(event.data?.text() ?? null);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      icon: '/favicon.svg',
      data: { url: message.url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data: unknown = event.notification.data;
  const url = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['url'] : undefined;
  const target = openTarget(typeof url === 'string' ? url : '/', self.location.origin);
  event.waitUntil(focusOrOpen(target));
});

async function focusOrOpen(target: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (open === undefined) {
    await self.clients.openWindow(target);
    return;
  }
  const focused = await open.focus();
  if (focused.url !== target) {
    // only the hash changes, so the open page keeps its state; an uncontrolled tab refuses, and stays as it was
    await focused.navigate(target).catch(() => null);
  }
}

self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(renew(event.oldSubscription, event.newSubscription));
});

/** Subscribes again with the same server key, unless the browser already did. */
async function renew(old: PushSubscription | null, renewed: PushSubscription | null): Promise<void> {
  if (renewed !== null) return;
  const applicationServerKey = old?.options.applicationServerKey ?? null;
  if (applicationServerKey === null) return;
  await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey }).catch(() => null);
}
