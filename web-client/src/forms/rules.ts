/**
 * Client-side checks mirroring the server's rules, so people get help before sending.
 * The server remains the authority: its answers are shown the same way.
 * Codes match the server's field error codes.
 */
export type FieldCode =
  | 'not_blank'
  | 'size'
  | 'pattern'
  | 'mismatch'
  | 'invalid'
  | 'range'
  | 'past'
  | 'after_start'
  | 'over_capacity'
  | 'reversed'
  | 'duplicate';

export type Rule = (value: string) => FieldCode | null;

function sizeRule(min: number, max: number): Rule {
  return (value) => {
    if (value.trim() === '') return 'not_blank';
    return value.length < min || value.length > max ? 'size' : null;
  };
}

const USERNAME_PATTERN = /^[a-zA-Z0-9._-]+$/;

export const usernameRule: Rule = (value) =>
  sizeRule(3, 32)(value) ?? (USERNAME_PATTERN.test(value) ? null : 'pattern');

export const displayNameRule: Rule = sizeRule(2, 40);

export const nicknameRule: Rule = sizeRule(2, 40);

export const passwordRule: Rule = sizeRule(10, 128);

/** Only checks that something was typed (sign-in: the server judges the rest). */
export const requiredRule: Rule = (value) => (value === '' || value.trim() === '' ? 'not_blank' : null);

export function sameAs(other: () => string): Rule {
  return (value) => (value === '' ? 'not_blank' : value === other() ? null : 'mismatch');
}

/** Room titles are sent trimmed, so they are measured trimmed. */
export const roomTitleRule: Rule = (value) => {
  const title = value.trim();
  if (title === '') return 'not_blank';
  return title.length > 120 ? 'size' : null;
};

/** A room's theme may be left empty. */
export const roomThemeRule: Rule = (value) => (value.trim().length > 500 ? 'size' : null);
