import type { ApiClient, DownloadedFile } from './api-client.ts';
import type {
  AdminUser,
  CurrentUser,
  GuestRequest,
  LoginRequest,
  RecoverRequest,
  RegisterRequest,
  RegisterResponse,
  Role,
  SignIn,
  TokenResponse,
  UserId,
} from './types.ts';

export function register(api: ApiClient, request: RegisterRequest): Promise<RegisterResponse> {
  return api.post<RegisterResponse>('/api/auth/register', request, { auth: false });
}

/**
 * A new password with a recovery code (which is spent): every earlier sign-in of the account ends
 * and a new one begins. 401 `auth.invalid_recovery` for an unknown username, a wrong or a spent code alike.
 */
export function recover(api: ApiClient, request: RecoverRequest): Promise<TokenResponse> {
  return api.post<TokenResponse>('/api/auth/recover', request, { auth: false });
}

/** A new nickname, checked as at registration; answers the person as they are now. */
export function changeDisplayName(api: ApiClient, displayName: string): Promise<CurrentUser> {
  return api.put<CurrentUser>('/api/me/display-name', { displayName });
}

/** A new password, confirmed with the current one; every other sign-in ends, this one goes on. */
export function changePassword(api: ApiClient, currentPassword: string, newPassword: string): Promise<void> {
  return api.put<void>('/api/me/password', { currentPassword, newPassword });
}

/** How many of one's recovery codes are not used yet. */
export function recoveryCodesLeft(api: ApiClient): Promise<{ remaining: number }> {
  return api.get<{ remaining: number }>('/api/me/recovery-codes');
}

/** Ten new recovery codes for the old ones, confirmed with the password; shown this once. */
export function regenerateRecoveryCodes(api: ApiClient, password: string): Promise<{ recoveryCodes: string[]; remaining: number }> {
  return api.post<{ recoveryCodes: string[]; remaining: number }>('/api/me/recovery-codes', { password });
}

/** One's sign-ins that can still be used, the most recently used first. */
export function listSignIns(api: ApiClient): Promise<SignIn[]> {
  return api.get<SignIn[]>('/api/me/sign-ins');
}

/** Ends one sign-in: its device is signed out and its live connection closes. */
export function endSignIn(api: ApiClient, id: string): Promise<void> {
  return api.request<void>('DELETE', `/api/me/sign-ins/${encodeURIComponent(id)}`);
}

/** Ends every sign-in but this one; how many ended. */
export function endOtherSignIns(api: ApiClient): Promise<{ ended: number }> {
  return api.post<{ ended: number }>('/api/me/sign-ins/end-others', {});
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
