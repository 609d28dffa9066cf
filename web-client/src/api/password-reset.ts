import type { ApiClient } from './api-client.ts';

/**
 * Asks for a link to set a new password, sent to the address if it is an account's verified one.
 * The answer is the same whether or not it is, so it says nothing about who has an account.
 */
export function askForPasswordLink(api: ApiClient, email: string): Promise<void> {
  return api.post<void>('/api/reach/password-reset', { email }, { auth: false });
}

/**
 * Sets a new password with the link's token (spent once it works); every sign-in of the account
 * ends. 400 `reach.link_invalid` for an unknown, used or expired link; `validation.failed` for a
 * password the rules refuse, which leaves the link usable.
 */
export function setPasswordWithLink(api: ApiClient, token: string, newPassword: string): Promise<void> {
  return api.post<void>('/api/reach/password-reset/confirm', { token, newPassword }, { auth: false });
}
