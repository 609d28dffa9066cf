import { type StaffAccount, listStaff } from '../api/coordination.ts';
import { problemOf } from '../api/problem.ts';
import type { RoomMember, RoomRole } from '../api/rooms.ts';
import { type RoomStaffing, appointToRoom, dismissFromRoom, fetchStaffing } from '../api/safety.ts';
import { FormAlert } from '../components/form-alert.ts';
import '../components/house-rules-editor.ts';
import { openDialog } from '../components/modal-dialog.ts';
import { api, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import { roleText } from '../i18n/role-text.ts';
import { hashOf, roomRoute } from '../routes.ts';

/** Who may be appointed in which room role: facilitators lead; peer supporters (or facilitators) co-host. */
function eligible(person: StaffAccount, role: RoomRole): boolean {
  return role === 'FACILITATOR'
    ? person.roles.includes('FACILITATOR')
    : person.roles.includes('PEER_SUPPORTER') || person.roles.includes('FACILITATOR');
}

/**
 * Every open chat and closed group in use, with the people responsible in it: coordinators and
 * administrators appoint and remove facilitators and peer supporters. A room without a facilitator
 * is marked, and listed first: a safety signal there reaches only those on duty.
 */
class RoomStaffingPage extends Component {
  readonly #list = h('ul', { class: 'staffing-list', 'data-testid': 'staffing' });
  readonly #status = new FormAlert('info', 'staffing-status');
  readonly #alert = new FormAlert('error', 'staffing-alert');
  readonly #done = new FormAlert('info', 'staffing-done');
  #rooms: RoomStaffing[] | null = null;
  #people: StaffAccount[] = [];

  protected render(): void {
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'staffing.title', { tabindex: '-1' }),
          translated(locale, 'p', 'staffing.intro', { class: 'lead' }),
          this.#status.element,
          this.#alert.element,
          this.#done.element,
          this.#list,
        ),
        h(
          'p',
          { class: 'aside' },
          translated(locale, 'a', 'staffing.safetyLink', { href: hashOf('safety') }),
          ' · ',
          translated(locale, 'a', 'mySessions.back', { href: hashOf('home') }),
        ),
      ),
    );
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#renderList(), { signal });
    session.on('session-changed', () => void this.#load(), { signal });
    void this.#load();
  }

  async #load(): Promise<void> {
    if (session.status !== 'signed-in') return;
    if (this.#rooms === null) this.#status.show(ref('staffing.loading'));
    try {
      const [rooms, people] = await Promise.all([fetchStaffing(api), listStaff(api)]);
      // Rooms nobody leads first, then as the server ordered them (newest first).
      this.#rooms = [...rooms.filter((room) => !room.hasFacilitator), ...rooms.filter((room) => room.hasFacilitator)];
      this.#people = people;
      this.#alert.clear();
      this.#renderList();
    } catch (error) {
      this.#status.clear();
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  #renderList(): void {
    const rooms = this.#rooms;
    if (rooms === null) return;
    if (rooms.length === 0) this.#status.show(ref('staffing.empty'));
    else this.#status.clear();
    this.#list.replaceChildren(...rooms.map((room) => this.#roomItem(room)));
  }

  #roomItem(room: RoomStaffing): HTMLLIElement {
    const headingId = uniqueId('staffing-room');
    const tags = h(
      'ul',
      { class: 'room-tags' },
      translated(locale, 'li', { keys: [`rooms.kind.${room.kind}`], fallback: room.kind }, { class: 'tag' }),
    );
    if (!room.hasFacilitator) {
      tags.append(translated(locale, 'li', 'staffing.noFacilitator', { class: 'tag tag-risk', 'data-testid': 'no-facilitator' }));
    }
    const staff = h(
      'ul',
      { class: 'plain-list' },
      ...room.staff.map((member) => {
        const remove = h(
          'button',
          { type: 'button', class: 'button-quiet button-small', 'data-testid': 'staffing-remove' },
          translated(locale, 'span', 'staffing.remove'),
          translated(locale, 'span', ref('staffing.removeWhom', { name: member.displayName }), { class: 'visually-hidden' }),
        );
        remove.addEventListener('click', () => void this.#confirmRemoval(room, member));
        return h(
          'li',
          { 'data-testid': 'staffing-member' },
          member.displayName,
          ' ',
          translated(locale, 'span', roleText(member.role), { class: 'tag' }),
          ' ',
          remove,
        );
      }),
    );
    if (room.staff.length === 0) staff.append(translated(locale, 'li', 'staffing.nobody', { class: 'field-hint' }));
    return h(
      'li',
      { class: `staffing-room${room.hasFacilitator ? '' : ' is-unstaffed'}`, 'data-testid': 'staffing-room', 'aria-labelledby': headingId },
      h('h2', { id: headingId, class: 'staffing-room-title' }, h('a', { href: hashOf(roomRoute(room.id)), translate: 'no' }, room.title)),
      tags,
      staff,
      this.#appointForm(room),
      this.#rulesPart(room),
    );
  }

  /** The room's own house rules, read when opened (a session room's are its series'). */
  #rulesPart(room: RoomStaffing): HTMLDetailsElement {
    const details = h(
      'details',
      { class: 'staffing-rules', 'data-testid': 'staffing-rules' },
      translated(locale, 'summary', 'houseRules.editor.roomSummary'),
    );
    details.addEventListener('toggle', () => {
      if (!details.open || details.querySelector('tp-house-rules-editor') !== null) return;
      const editor = h('tp-house-rules-editor', { 'data-owner': 'ROOM', 'data-level': '3' });
      details.append(editor);
      void editor.load('ROOM', String(room.id));
    });
    return details;
  }

  #appointForm(room: RoomStaffing): HTMLFormElement {
    const personId = uniqueId('appoint-person');
    const roleId = uniqueId('appoint-role');
    const person = h('select', { id: personId, name: 'person', 'data-testid': 'appoint-person' });
    const role = h(
      'select',
      { id: roleId, name: 'role', 'data-testid': 'appoint-role' },
      translated(locale, 'option', roleText('FACILITATOR'), { value: 'FACILITATOR' }),
      translated(locale, 'option', roleText('PEER_SUPPORTER'), { value: 'PEER_SUPPORTER' }),
    );
    const fill = (): void => {
      const chosenRole = role.value as RoomRole;
      const already = new Set(room.staff.filter((member) => member.role === chosenRole).map((member) => String(member.accountId)));
      const withRole = this.#people.filter((candidate) => eligible(candidate, chosenRole));
      const choices = withRole.filter((candidate) => !already.has(candidate.id));
      person.replaceChildren(...choices.map((candidate) => h('option', { value: candidate.id }, candidate.displayName)));
      submit.disabled = choices.length === 0;
      none.hidden = choices.length > 0;
      // nobody left to appoint: either nobody has the role, or all who have it are here already
      setText(locale, none, ref(withRole.length === 0 ? 'staffing.noCandidates' : 'staffing.allAppointed'));
    };
    const submit = translated(locale, 'button', 'staffing.appoint', {
      type: 'submit',
      class: 'button-secondary button-small',
      'data-testid': 'appoint',
    });
    const none = translated(locale, 'p', 'staffing.noCandidates', { class: 'field-hint', hidden: '' });
    role.addEventListener('change', fill);
    const form = h(
      'form',
      { class: 'appoint-form', novalidate: '' },
      // the role first: who can be chosen depends on it
      h('div', { class: 'field' }, translated(locale, 'label', 'staffing.role', { for: roleId }), role),
      h('div', { class: 'field' }, translated(locale, 'label', 'staffing.person', { for: personId }), person),
      none,
      h('div', { class: 'actions' }, submit),
    );
    fill();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = this.#people.find((candidate) => candidate.id === person.value);
      if (chosen === undefined) return;
      void this.#change(
        submit,
        () => appointToRoom(api, room.id, chosen.id, role.value as RoomRole),
        ref('staffing.appointed', { name: chosen.displayName, room: room.title }),
      );
    });
    return form;
  }

  /** Taking someone out of a room ends their part in its conversation: asked once before it is done. */
  async #confirmRemoval(room: RoomStaffing, member: RoomMember): Promise<void> {
    const removed = await openDialog(this, {
      title: ref('staffing.removeTitle', { name: member.displayName, room: room.title }),
      intro: ref(
        room.staff.filter((other) => other.role === 'FACILITATOR').length === 1 && member.role === 'FACILITATOR'
          ? 'staffing.removeLastFacilitator'
          : 'staffing.removeIntro',
      ),
      submit: 'staffing.remove',
      danger: true,
      run: () => dismissFromRoom(api, room.id, member.accountId),
    });
    if (!removed) return;
    this.#done.clear();
    this.#alert.clear();
    this.#done.show(ref('staffing.removed', { name: member.displayName, room: room.title }));
    await this.#load();
    this.querySelector<HTMLElement>('h1')?.focus();
  }

  async #change(button: HTMLButtonElement, work: () => Promise<void>, done: TextRef): Promise<void> {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    this.#done.clear();
    this.#alert.clear();
    try {
      await work();
      this.#done.show(done);
      await this.#load();
      this.querySelector<HTMLElement>('h1')?.focus();
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    } finally {
      button.removeAttribute('aria-disabled');
    }
  }
}

define('tp-room-staffing-page', RoomStaffingPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-room-staffing-page': RoomStaffingPage;
  }
}
