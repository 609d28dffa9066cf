import type { CurrentUser } from '../api/types.ts';

/** Coordinators and administrators plan series and edit templates; the server checks every call too. */
export function isCoordinator(user: CurrentUser | null): boolean {
  return user?.roles.some((role) => role === 'COORDINATOR' || role === 'ADMIN') ?? false;
}
