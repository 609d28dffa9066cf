import type { ApiClient, DownloadedFile } from './api-client.ts';
import type { AdminUser, CurrentUser, GuestRequest, LoginRequest, RegisterRequest, Role, TokenResponse, UserId } from './types.ts';

export function register(api: ApiClient, request: RegisterRequest): Promise<TokenResponse> {
  return api.post<TokenResponse>('/api/auth/register', request, { auth: false });
}

export function login(api: ApiClient, request: LoginRequest): Promise<TokenResponse> {
  return api.post<TokenResponse>('/api/auth/login', request, { auth: false });
}

export function joinAsGuest(api: ApiClient, request: GuestRequest): Promise<TokenResponse> {
  return api.post<TokenResponse>('/api/auth/guest', request, { auth: false });
}

export function logout(api: ApiClient, refreshToken: string, keepalive = false): Promise<void> {
  return api.post<void>('/api/auth/logout', { refreshToken }, { auth: false, keepalive });
}

export function fetchCurrentUser(api: ApiClient): Promise<CurrentUser> {
  return api.get<CurrentUser>('/api/me');
}

/** One page of accounts, newest first: `query` searches usernames and display names. */
export function listUsers(api: ApiClient, query = '', offset = 0, limit = 50): Promise<AdminUser[]> {
  const params = new URLSearchParams({ limit: String(limit), offset: String(offset) });
  if (query.trim() !== '') params.set('q', query.trim());
  return api.get<AdminUser[]>(`/api/admin/users?${params.toString()}`);
}

/** One change of a person's roles: when, by whom, and the roles before and after. */
export type RoleChangeEntry = {
  changedAt: string;
  changedByDisplayName: string | null;
  previousRoles: string[];
  newRoles: string[];
  /** The invitation whose acceptance gave the role (then `changedBy` is who invited); null for an administrator's change. */
  invitationId: string | null;
};

export function roleChanges(api: ApiClient, userId: string | number): Promise<RoleChangeEntry[]> {
  return api.get<RoleChangeEntry[]>(`/api/admin/users/${encodeURIComponent(String(userId))}/role-changes`);
}

export function updateRoles(api: ApiClient, userId: UserId, roles: readonly Role[]): Promise<AdminUser> {
  return api.put<AdminUser>(`/api/admin/users/${encodeURIComponent(String(userId))}/roles`, { roles });
}

/** Everything the service holds about the signed-in person, as a JSON file. */
export function downloadMyData(api: ApiClient): Promise<DownloadedFile> {
  return api.download('/api/me/export');
}

/**
 * Deletes the signed-in person's account and data. Registered people confirm with their password
 * (403 `accounts.password_mismatch` when it is wrong); guests send none. The tokens stop working at once.
 */
export function eraseMyAccount(api: ApiClient, password: string | null): Promise<void> {
  return api.post<void>('/api/me/erasure', password === null ? {} : { password });
}
