import { type TextField, textLimits } from '../text/text-limits.ts';
import type { TextRefusal } from '../text/text-policy.ts';

/**
 * Client-side checks mirroring the server's rules, so people get help before sending.
 * The server remains the authority: its answers are shown the same way.
 * Codes match the server's field error codes.
 */
export type FieldCode =
  | TextRefusal
  | 'mixed_script'
  | 'impersonation'
  | 'mismatch'
  | 'invalid'
  | 'range'
  | 'past'
  | 'after_start'
  | 'over_capacity'
  | 'reversed'
  | 'duplicate';

export type Rule = (value: string) => FieldCode | null;

/**
 * A field the server judges under its text policy: folded and counted as the server does, against
 * the limits it publishes. Before those arrive nothing is judged here; the server still is.
 */
export function textRule(field: TextField): Rule {
  return (value) => {
    const check = textLimits.check(field, value);
    return check === null || check.ok ? null : check.code;
  };
}

const USERNAME_PATTERN = /^[a-zA-Z0-9._-]+$/;

export const usernameRule: Rule = (value) =>
  textRule('username')(value) ?? (value === '' || USERNAME_PATTERN.test(value) ? null : 'pattern');

export const displayNameRule: Rule = textRule('displayName');

export const nicknameRule: Rule = textRule('nickname');

export const passwordRule: Rule = textRule('password');

/** Only checks that something was typed (sign-in: the server judges the rest). */
export const requiredRule: Rule = (value) => (value === '' || value.trim() === '' ? 'not_blank' : null);

export function sameAs(other: () => string): Rule {
  return (value) => (value === '' ? 'not_blank' : value === other() ? null : 'mismatch');
}

export const roomTitleRule: Rule = textRule('roomTitle');

/** A room's theme may be left empty. */
export const roomThemeRule: Rule = textRule('roomTheme');
