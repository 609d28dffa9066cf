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

export function listUsers(api: ApiClient): Promise<AdminUser[]> {
  return api.get<AdminUser[]>('/api/admin/users');
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
