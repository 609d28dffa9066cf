/** The screens reachable by hash, e.g. `#/register` or `#/rooms/42`. */
export const routeNames = [
  'landing',
  'login',
  'register',
  'guest',
  'recover',
  'resetPassword',
  'home',
  'rooms',
  'room',
  'calendar',
  'series',
  'mySessions',
  'coordinator',
  'planSeries',
  'coordinatorSeries',
  'templateEditor',
  'feedback',
  'reports',
  'report',
  'myData',
  'safety',
  'roomStaffing',
  'audit',
  'workbook',
  'settings',
  'verifyEmail',
  'unsubscribe',
  'capturedMail',
] as const;

export type RouteName = (typeof routeNames)[number];

/** A screen, with the room, series or template it shows when it shows one. */
export type Route = {
  readonly name: RouteName;
  readonly roomId?: string;
  readonly seriesId?: string;
  readonly templateId?: string;
};

/** Screens that show one thing, whose hash carries its id. */
type OneOfMany = 'room' | 'series' | 'coordinatorSeries' | 'templateEditor' | 'report';

/** Screens whose hash is fixed. */
const fixedHashes: Record<Exclude<RouteName, OneOfMany>, string> = {
  landing: '#/',
  login: '#/login',
  register: '#/register',
  guest: '#/guest',
  recover: '#/recover',
  home: '#/home',
  rooms: '#/rooms',
  calendar: '#/calendar',
  mySessions: '#/my-sessions',
  coordinator: '#/coordinator',
  planSeries: '#/coordinator/plan',
  feedback: '#/feedback',
  reports: '#/reports',
  myData: '#/my-data',
  safety: '#/safety',
  roomStaffing: '#/staffing',
  audit: '#/audit',
  workbook: '#/workbook',
  settings: '#/settings',
  resetPassword: '#/reset-password',
  verifyEmail: '#/verify-email',
  unsubscribe: '#/unsubscribe',
  capturedMail: '#/captured-mail',
};

/** Screens for coordinators and administrators only (the server checks every call as well). */
export const coordinatorRoutes: ReadonlySet<RouteName> = new Set<RouteName>([
  'coordinator',
  'planSeries',
  'coordinatorSeries',
  'templateEditor',
  'safety',
  'roomStaffing',
  'audit',
]);

/** Screens for administrators only (the server checks every call as well). */
export const adminRoutes: ReadonlySet<RouteName> = new Set<RouteName>(['capturedMail']);

/** Outcome reports: for coordinators, administrators and facilitators (the server checks each series). */
export const reportRoutes: ReadonlySet<RouteName> = new Set<RouteName>(['reports', 'report']);

/** Screens that need a signed-in user. */
export const protectedRoutes: ReadonlySet<RouteName> = new Set<RouteName>([
  'home',
  'rooms',
  'room',
  'mySessions',
  'feedback',
  'myData',
  'workbook',
  'settings',
  ...coordinatorRoutes,
  ...adminRoutes,
  ...reportRoutes,
]);

/** Screens only for visitors who are not signed in. */
export const visitorRoutes: ReadonlySet<RouteName> = new Set<RouteName>(['landing', 'login', 'register', 'guest', 'recover']);

function toRoute(target: RouteName | Route): Route {
  return typeof target === 'string' ? { name: target } : target;
}

/** The hash of a screen; a room without an id is the room list. */
export function hashOf(target: RouteName | Route): string {
  const route = toRoute(target);
  if (route.name === 'room') {
    return route.roomId ? `#/rooms/${encodeURIComponent(route.roomId)}` : fixedHashes.rooms;
  }
  if (route.name === 'series') {
    return route.seriesId ? `#/series/${encodeURIComponent(route.seriesId)}` : fixedHashes.calendar;
  }
  if (route.name === 'coordinatorSeries') {
    return route.seriesId ? `#/coordinator/series/${encodeURIComponent(route.seriesId)}` : fixedHashes.coordinator;
  }
  if (route.name === 'templateEditor') {
    return route.templateId ? `#/coordinator/templates/${encodeURIComponent(route.templateId)}` : fixedHashes.coordinator;
  }
  if (route.name === 'report') {
    return route.seriesId ? `#/reports/${encodeURIComponent(route.seriesId)}` : fixedHashes.reports;
  }
  return fixedHashes[route.name];
}

export function roomRoute(roomId: string | number): Route {
  return { name: 'room', roomId: String(roomId) };
}

export function seriesRoute(seriesId: string): Route {
  return { name: 'series', seriesId };
}

/** A series as its coordinators manage it. */
export function coordinatorSeriesRoute(seriesId: string): Route {
  return { name: 'coordinatorSeries', seriesId };
}

export function templateEditorRoute(templateId: string): Route {
  return { name: 'templateEditor', templateId };
}

/** The outcome report of one series. */
export function reportRoute(seriesId: string): Route {
  return { name: 'report', seriesId };
}

export function sameRoute(a: Route, b: Route): boolean {
  return (
    a.name === b.name &&
    (a.roomId ?? null) === (b.roomId ?? null) &&
    (a.seriesId ?? null) === (b.seriesId ?? null) &&
    (a.templateId ?? null) === (b.templateId ?? null)
  );
}

function normalise(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0]?.replace(/\/+$/, '') ?? '';
  return path === '' ? '/' : path;
}

function decode(segment: string): string | null {
  try {
    const value = decodeURIComponent(segment);
    return value.trim() === '' ? null : value;
  } catch {
    return null;
  }
}

/** Reads a location hash; anything unknown is the landing page. */
export function parseRoute(hash: string): Route {
  const path = normalise(hash);
  const room = /^\/rooms\/([^/]+)$/.exec(path);
  if (room?.[1] !== undefined) {
    const roomId = decode(room[1]);
    return roomId === null ? { name: 'rooms' } : { name: 'room', roomId };
  }
  const series = /^\/series\/([^/]+)$/.exec(path);
  if (series?.[1] !== undefined) {
    const seriesId = decode(series[1]);
    return seriesId === null ? { name: 'calendar' } : { name: 'series', seriesId };
  }
  const managed = /^\/coordinator\/series\/([^/]+)$/.exec(path);
  if (managed?.[1] !== undefined) {
    const seriesId = decode(managed[1]);
    return seriesId === null ? { name: 'coordinator' } : { name: 'coordinatorSeries', seriesId };
  }
  const template = /^\/coordinator\/templates\/([^/]+)$/.exec(path);
  if (template?.[1] !== undefined) {
    const templateId = decode(template[1]);
    return templateId === null ? { name: 'coordinator' } : { name: 'templateEditor', templateId };
  }
  const report = /^\/reports\/([^/]+)$/.exec(path);
  if (report?.[1] !== undefined) {
    const seriesId = decode(report[1]);
    return seriesId === null ? { name: 'reports' } : { name: 'report', seriesId };
  }
  const names = Object.keys(fixedHashes) as (keyof typeof fixedHashes)[];
  return { name: names.find((name) => normalise(fixedHashes[name]) === path) ?? 'landing' };
}

/**
 * The query of a location hash (`#/verify-email?token=…` → `token`), for the screens opened from
 * links in e-mails; empty when there is none.
 */
export function hashQuery(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : hash.slice(at + 1));
}

/** The screen of a location hash, without its room, series or template. */
export function parseHash(hash: string): RouteName {
  return parseRoute(hash).name;
}
