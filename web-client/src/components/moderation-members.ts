import { type BanScope, type Sanction, banMember, muteMember, removeMember, unbanMember, unmuteMember } from '../api/moderation.ts';
import type { RoomMember } from '../api/rooms.ts';
import { formatMessageTime } from '../chat/format.ts';
import { bans, muteOf } from '../chat/moderation.ts';
import { sameId } from '../chat/protocol.ts';
import { memberPowers } from '../chat/review-queue.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { dialogTextField, openDialog, reasonHint } from './modal-dialog.ts';
import { startPrivateTalk } from './moderation-attention.ts';
import { type PanelContext, act } from './panel-feedback.ts';
import { roleBadge } from './role-badge.ts';

/** The mute lengths offered: 5 minutes, an hour, or until lifted. */
const muteChoices: readonly { minutes: number | null; label: MessageKey; done: MessageKey }[] = [
  { minutes: 5, label: 'mod.members.mute5', done: 'mod.members.muted5' },
  { minutes: 60, label: 'mod.members.mute60', done: 'mod.members.muted60' },
  { minutes: null, label: 'mod.members.muteOpen', done: 'mod.members.mutedOpen' },
];

/**
 * The room's members for a facilitator, each with what may be done to them: mute for a while or
 * until lifted, lift the mute, remove from the room, ban from the room or its whole series, or
 * open a one-to-one talk. Removing and banning ask first (with an optional reason). Facilitators
 * are only moderated by administrators. Below, the bans in force, each of which can be lifted.
 */
class ModerationMembers extends Component {
  readonly #count = h('span', { class: 'mod-heading-count' });
  readonly #list = h('ul', { class: 'mod-list mod-members', 'data-testid': 'member-list' });
  readonly #failed = translated(locale, 'p', 'mod.members.loadFailed', { class: 'field-error', hidden: '' });
  readonly #empty = translated(locale, 'p', 'mod.members.empty', { class: 'mod-empty', hidden: '' });
  readonly #bansSection = h('div', { class: 'mod-bans' });
  readonly #bans = h('ul', { class: 'mod-list', 'data-testid': 'ban-list' });
  /** The bans the list was last built from. */
  #bansSignature = '';
  /** Member items by account id, so an open one stays open as the list changes. */
  readonly #items = new Map<string, HTMLLIElement>();
  #context: PanelContext | null = null;

  readonly #heading = h('h3', { tabindex: '-1' }, translated(locale, 'span', 'mod.members.heading'), ' ', this.#count);

  protected render(): void {
    const headingId = uniqueId('mod-members');
    this.#heading.id = headingId;
    this.#bansSection.append(translated(locale, 'h4', 'mod.members.bansHeading'), this.#bans);
    this.append(
      h(
        'section',
        { class: 'mod-section', 'aria-labelledby': headingId },
        this.#heading,
        this.#failed,
        this.#empty,
        this.#list,
        this.#bansSection,
      ),
    );
  }

  attach(context: PanelContext, signal: AbortSignal): void {
    this.#context = context;
    context.queue.on('review-changed', () => this.#update(), { signal });
    context.chat.on('moderation-changed', () => this.#update(), { signal });
    context.chat.on('presence-changed', () => this.#update(), { signal });
    locale.on('locale-changed', () => this.#update(), { signal });
    this.#update();
  }

  #update(): void {
    const context = this.#context;
    if (context === null) return;
    const chat = context.chat;
    this.hidden = !memberPowers.some((power) => chat.may(power));
    const members = context.queue.members.filter((member) => !chat.isOwn(member.accountId));
    setText(locale, this.#count, members.length === 0 ? null : ref('mod.count', { count: members.length }));
    this.#failed.hidden = !context.queue.failed('members');
    this.#empty.hidden = members.length > 0 || context.queue.failed('members');
    const listHadFocus = this.#list.contains(document.activeElement);
    const wanted = new Set(members.map((member) => String(member.accountId)));
    for (const [id, item] of this.#items) {
      if (!wanted.has(id)) {
        item.remove();
        this.#items.delete(id);
      }
    }
    const here = chat.presence(locale.intlLocale);
    this.#list.replaceChildren(
      ...members.map((member) => {
        const key = String(member.accountId);
        let item = this.#items.get(key);
        if (item === undefined) {
          item = h('li', { class: 'mod-member', 'data-testid': 'member', 'data-account-id': key });
          this.#items.set(key, item);
        }
        this.#fill(
          context,
          item,
          member,
          here.some((entry) => sameId(entry.accountId, member.accountId)),
        );
        return item;
      }),
    );
    // Someone removed or banned from here leaves the list; focus stays in the section.
    if (listHadFocus && !this.#list.contains(document.activeElement)) this.#heading.focus();
    const inForce = chat.may('BAN') ? bans(chat.moderation) : [];
    this.#bansSection.hidden = inForce.length === 0;
    const bansSignature = JSON.stringify([locale.locale, inForce.map((ban) => [ban.accountId, ban.displayName, ban.seriesWide])]);
    if (bansSignature !== this.#bansSignature) {
      this.#bansSignature = bansSignature;
      const hadFocus = this.#bans.contains(document.activeElement);
      this.#bans.replaceChildren(...inForce.map((ban) => this.#banItem(context, ban, members)));
      if (hadFocus) this.#heading.focus();
    }
  }

  /**
   * Fills a member's item, keeping the item and whether it is open. Rebuilt only when what it
   * shows changed; focus on a button that goes away moves to the member's name.
   */
  #fill(context: PanelContext, item: HTMLLIElement, member: RoomMember, present: boolean): void {
    const chat = context.chat;
    const mute = muteOf(chat.moderation, member.accountId, Date.now());
    const protectedMember = member.role === 'FACILITATOR' && !context.admin;
    const signature = [
      member.displayName,
      member.role,
      present,
      mute?.endsAt ?? (mute ? 'open' : ''),
      protectedMember,
      Boolean(chat.guide?.session),
      locale.locale,
    ].join('|');
    if (item.dataset['signature'] === signature) return;
    item.dataset['signature'] = signature;
    const details = item.querySelector('details');
    const wasOpen = details?.open ?? false;
    const hadFocus = item.contains(document.activeElement);

    const name = h('span', { class: 'mod-member-name', 'data-testid': 'member-name' }, member.displayName);
    const tags = h('span', { class: 'mod-member-tags' }, roleBadge(member.role));
    if (present) tags.append(translated(locale, 'span', 'mod.members.present', { class: 'tag' }));
    if (mute !== null) {
      const text = h('span', { class: 'tag tag-muted', 'data-testid': 'member-muted' });
      setText(
        locale,
        text,
        mute.endsAt === null
          ? ref('mod.members.mutedUntilLifted')
          : ref('mod.members.mutedUntil', { time: formatMessageTime(mute.endsAt, locale.intlLocale) }),
      );
      tags.append(text);
    }
    if (protectedMember) {
      item.replaceChildren(h('div', { class: 'mod-member-row' }, name, tags));
      return;
    }
    const summary = h('summary', { 'data-testid': 'member-toggle' }, name, ' ', tags);
    const actions = h('div', { class: 'mod-actions' });
    if (chat.may('MUTE')) {
      if (mute === null) {
        for (const choice of muteChoices) {
          const button = translated(locale, 'button', choice.label, {
            type: 'button',
            class: 'button-secondary button-small',
            'data-testid': `mute-${choice.minutes ?? 'open'}`,
          });
          button.addEventListener(
            'click',
            () =>
              void act(
                context,
                button,
                () => muteMember(api, chat.roomId, member.accountId, choice.minutes),
                ref(choice.done, { name: member.displayName }),
              ),
          );
          actions.append(button);
        }
      } else {
        const unmute = translated(locale, 'button', 'mod.members.unmute', {
          type: 'button',
          class: 'button-secondary button-small',
          'data-testid': 'unmute',
        });
        unmute.addEventListener(
          'click',
          () =>
            void act(
              context,
              unmute,
              () => unmuteMember(api, chat.roomId, member.accountId),
              ref('mod.members.unmuted', { name: member.displayName }),
            ),
        );
        actions.append(unmute);
      }
    }
    if (chat.may('PRIVATE_TALK')) {
      const talk = translated(locale, 'button', 'mod.privateTalk.open', { type: 'button', class: 'button-secondary button-small' });
      talk.addEventListener('click', () => void startPrivateTalk(context, talk, member.accountId, member.displayName));
      actions.append(talk);
    }
    if (chat.may('REMOVE_MEMBER')) {
      const remove = translated(locale, 'button', 'mod.members.remove', { type: 'button', class: 'button-danger-quiet button-small' });
      remove.addEventListener('click', () => void this.#confirmRemoval(context, member));
      actions.append(remove);
    }
    if (chat.may('BAN')) {
      // A series-wide ban only where the room is one of a series' sessions.
      const scopes = chat.guide?.session ? (['ROOM', 'SERIES'] as const) : (['ROOM'] as const);
      for (const scope of scopes) {
        const ban = translated(locale, 'button', scope === 'ROOM' ? 'mod.members.banRoom' : 'mod.members.banSeries', {
          type: 'button',
          class: 'button-danger-quiet button-small',
        });
        ban.addEventListener('click', () => void this.#confirmBan(context, member, scope));
        actions.append(ban);
      }
    }
    const next = h('details', {}, summary, actions);
    next.open = wasOpen;
    item.replaceChildren(next);
    if (hadFocus && !item.contains(document.activeElement)) summary.focus();
  }

  #banItem(context: PanelContext, ban: Sanction, members: readonly RoomMember[]): HTMLLIElement {
    const name = ban.displayName ?? members.find((member) => sameId(member.accountId, ban.accountId))?.displayName ?? '';
    const text = h('span');
    setText(locale, text, ref(ban.seriesWide ? 'mod.members.bannedSeries' : 'mod.members.bannedRoom', { name }));
    const lift = translated(locale, 'button', 'mod.members.unban', { type: 'button', class: 'button-quiet button-small' });
    lift.addEventListener(
      'click',
      () => void act(context, lift, () => unbanMember(api, context.chat.roomId, ban.accountId), ref('mod.members.unbanned', { name })),
    );
    return h('li', { class: 'mod-item mod-ban' }, text, ' ', lift);
  }

  #confirmRemoval(context: PanelContext, member: RoomMember): Promise<boolean> {
    const { field, input } = this.#reasonField();
    return this.#confirm(context, {
      title: ref('mod.members.removeTitle', { name: member.displayName }),
      intro: ref('mod.members.removeIntro'),
      fields: [field],
      submit: 'mod.members.remove',
      run: () => removeMember(api, context.chat.roomId, member.accountId, input.value),
      done: ref('mod.members.removed', { name: member.displayName }),
    });
  }

  #confirmBan(context: PanelContext, member: RoomMember, scope: BanScope): Promise<boolean> {
    const { field, input } = this.#reasonField();
    return this.#confirm(context, {
      title: ref(scope === 'ROOM' ? 'mod.members.banRoomTitle' : 'mod.members.banSeriesTitle', { name: member.displayName }),
      intro: ref(scope === 'ROOM' ? 'mod.members.banRoomIntro' : 'mod.members.banSeriesIntro'),
      fields: [field],
      submit: scope === 'ROOM' ? 'mod.members.banRoom' : 'mod.members.banSeries',
      run: () => banMember(api, context.chat.roomId, member.accountId, scope, input.value),
      done: ref('mod.members.banned', { name: member.displayName }),
    });
  }

  #reasonField(): { field: HTMLDivElement; input: HTMLTextAreaElement } {
    return dialogTextField({ label: 'dialog.reason', hint: (max) => reasonHint(max, true), limit: 'reason', name: 'reason' });
  }

  async #confirm(
    context: PanelContext,
    options: { title: TextRef; intro: TextRef; fields: HTMLElement[]; submit: MessageKey; run: () => Promise<void>; done: TextRef },
  ): Promise<boolean> {
    const done = await openDialog(context.host, { ...options, danger: true });
    if (done) {
      // The member leaves the list, and the button that opened the dialog with them.
      this.#heading.focus();
      context.feedback.done(options.done);
      void context.queue.reload('members');
      void context.chat.refreshModeration();
    }
    return done;
  }
}

define('tp-mod-members', ModerationMembers);

declare global {
  interface HTMLElementTagNameMap {
    'tp-mod-members': ModerationMembers;
  }
}
