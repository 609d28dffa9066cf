import type { CurrentUser } from '../api/types.ts';

/** Coordinators and administrators plan series and edit templates; the server checks every call too. */
export function isCoordinator(user: CurrentUser | null): boolean {
  return user?.roles.some((role) => role === 'COORDINATOR' || role === 'ADMIN') ?? false;
}

/**
 * Outcome reports are for coordinators and administrators (every series) and for facilitators (the
 * series they lead); the server decides series by series.
 */
export function readsReports(user: CurrentUser | null): boolean {
  return user?.roles.some((role) => role === 'COORDINATOR' || role === 'ADMIN' || role === 'FACILITATOR') ?? false;
}
