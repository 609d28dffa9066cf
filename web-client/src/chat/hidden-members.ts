import type { ApiClient } from '../api/api-client.ts';
import { type HiddenMember, fetchHiddenMembers, hideMember, unhideMember } from '../api/moderation.ts';
import type { UserId } from '../api/types.ts';
import { TypedEventTarget } from '../state/typed-event-target.ts';

/** The list of members whose messages one hides changed. */
export class HiddenMembersChangedEvent extends Event {
  static readonly eventName = 'hidden-members-changed';

  constructor() {
    super(HiddenMembersChangedEvent.eventName);
  }
}

export type HiddenMembersEventMap = {
  'hidden-members-changed': HiddenMembersChangedEvent;
};

/**
 * The signed-in person's own list of members whose messages their screen hides, in every room.
 * The list is kept on the server (so it follows the person to other devices); nobody else sees
 * it, the hidden members included.
 */
export class HiddenMembers extends TypedEventTarget<HiddenMembersEventMap> {
  #members: HiddenMember[] = [];
  #loaded = false;
  #loading: Promise<void> | null = null;

  get list(): readonly HiddenMember[] {
    return this.#members;
  }

  has(accountId: UserId): boolean {
    return this.#members.some((member) => String(member.accountId) === String(accountId));
  }

  /** Reads the list once per session; later calls share the first. A failure leaves it to try again. */
  load(api: ApiClient): Promise<void> {
    if (this.#loaded) return Promise.resolve();
    this.#loading ??= fetchHiddenMembers(api)
      .then((members) => {
        this.#members = members;
        this.#loaded = true;
        this.#changed();
      })
      .finally(() => {
        this.#loading = null;
      });
    return this.#loading;
  }

  /** Hides the member's messages from now on. */
  async hide(api: ApiClient, member: HiddenMember): Promise<void> {
    const stored = await hideMember(api, member.accountId);
    if (this.has(member.accountId)) return;
    const name = stored?.displayName.trim() ? stored.displayName : member.displayName;
    this.#members = [...this.#members, { accountId: member.accountId, displayName: name }];
    this.#changed();
  }

  /** Shows the member's messages again. */
  async unhide(api: ApiClient, accountId: UserId): Promise<void> {
    await unhideMember(api, accountId);
    this.#members = this.#members.filter((member) => String(member.accountId) !== String(accountId));
    this.#changed();
  }

  /** Forgets the list (sign-out). */
  clear(): void {
    this.#members = [];
    this.#loaded = false;
    this.#changed();
  }

  #changed(): void {
    this.emit(new HiddenMembersChangedEvent());
  }
}
