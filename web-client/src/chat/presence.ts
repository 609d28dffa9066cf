import type { PresentMember } from '../api/rooms.ts';
import type { PresenceChange } from './protocol.ts';
import { nameCollator } from '../i18n/formats.ts';

/** Someone in the "here now" list. */
export type PresenceEntry = PresentMember & { self: boolean };

const roleOrder: Readonly<Record<string, number>> = { FACILITATOR: 0, PEER_SUPPORTER: 1 };

function rank(role: string | null): number {
  return roleOrder[role ?? ''] ?? 2;
}

/**
 * Who has the room open: a snapshot from the server, kept current by joined/left events.
 * Changes that arrive while a snapshot is being fetched are held and applied on top of it, in
 * order, so nothing that happened in between is lost.
 */
export class PresenceRoster {
  readonly #members = new Map<string, PresentMember>();
  #held: PresenceChange[] | null = null;

  /** A snapshot is on its way: hold changes until it arrives. */
  hold(): void {
    this.#held = [];
  }

  /** The snapshot arrived: it replaces the list, then held changes apply. */
  replace(members: readonly PresentMember[]): void {
    this.#members.clear();
    for (const member of members) {
      this.#members.set(String(member.accountId), member);
    }
    const held = this.#held ?? [];
    this.#held = null;
    for (const change of held) {
      this.#apply(change);
    }
  }

  /** The snapshot failed: apply what was held to the list as it was. */
  release(): void {
    const held = this.#held ?? [];
    this.#held = null;
    for (const change of held) {
      this.#apply(change);
    }
  }

  apply(change: PresenceChange): void {
    if (this.#held !== null) {
      this.#held.push(change);
    } else {
      this.#apply(change);
    }
  }

  has(accountId: string | number): boolean {
    return this.#members.has(String(accountId));
  }

  /**
   * The list to show: facilitators, then peer supporters, then everyone else; you first within
   * your group; then by name. `self` is added when given (you are here while connected).
   */
  list(selfId: string | number, self: PresentMember | null, locale: string): PresenceEntry[] {
    const members = new Map(this.#members);
    if (self !== null) members.set(String(self.accountId), { ...members.get(String(self.accountId)), ...self });
    const collator = nameCollator(locale);
    return [...members.values()]
      .map((member) => ({ ...member, self: String(member.accountId) === String(selfId) }))
      .sort((a, b) => rank(a.role) - rank(b.role) || Number(b.self) - Number(a.self) || collator.compare(a.displayName, b.displayName));
  }

  #apply(change: PresenceChange): void {
    const key = String(change.member.accountId);
    if (change.type === 'joined') {
      this.#members.set(key, change.member);
    } else if (change.type === 'renamed') {
      // a new name for someone here; someone not (or no longer) here stays away
      if (this.#members.has(key)) this.#members.set(key, change.member);
    } else {
      this.#members.delete(key);
    }
  }
}
