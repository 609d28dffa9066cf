import type { TextRef } from './dom.ts';

/** The translated name of a role; a role unknown to the translations shows its code. */
export function roleText(role: string): TextRef {
  return { keys: [`role.${role}`], fallback: role };
}
