/** The screens reachable by hash, e.g. `#/register`. */
export const routeNames = ['landing', 'login', 'register', 'guest', 'home'] as const;

export type RouteName = (typeof routeNames)[number];

const hashes: Record<RouteName, string> = {
  landing: '#/',
  login: '#/login',
  register: '#/register',
  guest: '#/guest',
  home: '#/home',
};

/** Screens that need a signed-in user. */
export const protectedRoutes: ReadonlySet<RouteName> = new Set<RouteName>(['home']);

/** Screens only for visitors who are not signed in. */
export const visitorRoutes: ReadonlySet<RouteName> = new Set<RouteName>(['landing', 'login', 'register', 'guest']);

export function hashOf(route: RouteName): string {
  return hashes[route];
}

function normalise(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0]?.replace(/\/+$/, '') ?? '';
  return path === '' ? '/' : path;
}

/** Reads a location hash; anything unknown is the landing page. */
export function parseHash(hash: string): RouteName {
  const path = normalise(hash);
  return routeNames.find((name) => normalise(hashes[name]) === path) ?? 'landing';
}
