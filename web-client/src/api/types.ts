/** Roles, in the order the interface lists them. */
export const roles = ['PARENT', 'PEER_SUPPORTER', 'FACILITATOR', 'COORDINATOR', 'ADMIN'] as const;

export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export type TokenResponse = {
  accessToken: string;
  refreshToken: string;
  /** Lifetime of the access token in seconds. */
  expiresIn: number;
};

/** The server's user id; the client only echoes it back. */
export type UserId = string | number;

/** What a registration answers: a sign-in, and the account's recovery codes, shown this once. */
export type RegisterResponse = TokenResponse & {
  recoveryCodes: string[];
};

export type RecoverRequest = {
  username: string;
  recoveryCode: string;
  newPassword: string;
};

/** One of one's own sign-ins (devices), as the settings list them. */
export type SignIn = {
  id: string;
  /** A coarse label such as "Firefox, Android"; null when the browser was not recognised. */
  device: string | null;
  signedInAt: string;
  lastUsedAt: string;
  /** The sign-in this browser is using. */
  current: boolean;
};

export type CurrentUser = {
  id: UserId;
  /** Null for guests, who have only a nickname. */
  username: string | null;
  displayName: string;
  roles: Role[];
  guest: boolean;
};

export type AdminUser = CurrentUser & {
  createdAt: string;
};

export type RegisterRequest = {
  username: string;
  password: string;
  displayName: string;
};

export type LoginRequest = {
  username: string;
  password: string;
};

export type GuestRequest = {
  nickname: string;
};
