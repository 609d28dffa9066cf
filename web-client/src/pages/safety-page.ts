import { LatestLoad } from '../state/latest.ts';
import { problemOf } from '../api/problem.ts';
import {
  type Duty,
  type Escalation,
  closeEscalation,
  escalationPrivateTalk,
  fetchDuty,
  fetchEscalations,
  setDuty,
  takeEscalation,
  takeOverEscalation,
} from '../api/safety.ts';
import { formatFullTime } from '../chat/format.ts';
import { FormAlert } from '../components/form-alert.ts';
import { dialogTextField, openDialog } from '../components/modal-dialog.ts';
import { reasonLabel } from '../components/report-dialog.ts';
import { api, locale, notifications, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import { hashOf, roomRoute } from '../routes.ts';
import { quoteBlock } from '../dom/quote.ts';
import { veil } from '../components/content-note.ts';

/** The list is read again this often, besides whenever a notification arrives. */
const REFRESH_MS = 30_000;

function categoryText(category: string): TextRef {
  return { keys: [`mod.category.${category}`], fallback: category };
}

/**
 * Coordinators' and administrators' safety desk: going on and off duty, and the safety signals
 * that found no facilitator present in their room (risk flags, reports and worries, requests for a
 * private talk). Each can be taken ("I'll handle this", so the others know), answered with a
 * private talk with the person it is about, and closed. New ones arrive as notifications, which
 * make the list read again.
 */
class SafetyPage extends Component {
  readonly #dutyStatus = h('p', { 'data-testid': 'duty-status' });
  readonly #dutyButton = h('button', { type: 'button', class: 'button-primary', 'aria-pressed': 'false', 'data-testid': 'duty-toggle' });
  readonly #onDutyList = h('ul', { class: 'plain-list', 'data-testid': 'on-duty' });
  readonly #dutyAlert = new FormAlert('error', 'duty-alert');
  readonly #dutyNote = translated(locale, 'p', 'safety.duty.nobodyNote', { class: 'field-hint', 'data-testid': 'duty-note' });
  readonly #list = h('ol', { class: 'escalation-list', 'data-testid': 'escalations' });
  readonly #status = new FormAlert('info', 'escalations-status');
  readonly #alert = new FormAlert('error', 'escalations-alert');
  readonly #done = new FormAlert('info', 'escalations-done');
  #duty: Duty | null = null;
  #escalations: Escalation[] | null = null;
  readonly #loads = new LatestLoad();

  protected render(): void {
    // Nameless until the duty is read: out of sight (and of the accessibility tree) until then.
    this.#dutyButton.hidden = true;
    this.#dutyButton.addEventListener('click', () => void this.#toggleDuty());
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'safety.title', { tabindex: '-1' }),
          translated(locale, 'p', 'safety.intro', { class: 'lead' }),
          translated(locale, 'h2', 'safety.duty.heading'),
          this.#dutyStatus,
          h('div', { class: 'actions' }, this.#dutyButton),
          this.#dutyAlert.element,
          translated(locale, 'h3', 'safety.duty.who'),
          this.#onDutyList,
          this.#dutyNote,
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'escalations-heading' },
          translated(locale, 'h2', 'safety.escalations.heading', { id: 'escalations-heading', tabindex: '-1' }),
          this.#status.element,
          this.#alert.element,
          this.#done.element,
          this.#list,
        ),
        h(
          'p',
          { class: 'aside' },
          translated(locale, 'a', 'safety.staffingLink', { href: hashOf('roomStaffing'), 'data-testid': 'staffing-link' }),
          ' · ',
          translated(locale, 'a', 'mySessions.back', { href: hashOf('home') }),
        ),
      ),
    );
  }

  protected override connected(signal: AbortSignal): void {
    notifications.on('notifications-changed', () => void this.#load(), { signal });
    locale.on('locale-changed', () => this.#renderAll(), { signal });
    session.on('session-changed', () => void this.#load(), { signal });
    const timer = window.setInterval(() => void this.#load(), REFRESH_MS);
    signal.addEventListener('abort', () => window.clearInterval(timer));
    void this.#load();
  }

  async #load(): Promise<void> {
    if (session.status !== 'signed-in') return;
    // Every load runs (one after an action must not be skipped for a refresh already on its way);
    // only the latest one's answer is shown.
    const latest = this.#loads.begin();
    if (this.#escalations === null) this.#status.show(ref('safety.loading'));
    try {
      const [duty, escalations] = await Promise.all([fetchDuty(api), fetchEscalations(api)]);
      if (!latest()) return;
      const changed = JSON.stringify(escalations) !== JSON.stringify(this.#escalations);
      this.#duty = duty;
      this.#escalations = escalations;
      this.#alert.clear();
      this.#renderDuty();
      // An unchanged list is left alone, so focus and reading position stay where they were.
      if (changed) this.#renderList();
    } catch (error) {
      if (!latest()) return;
      this.#status.clear();
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  #renderAll(): void {
    this.#renderDuty();
    this.#renderList();
  }

  #renderDuty(): void {
    const duty = this.#duty;
    if (duty === null) return;
    setText(
      locale,
      this.#dutyStatus,
      duty.onDuty && duty.since !== null
        ? ref('safety.duty.onSince', { time: formatFullTime(duty.since, locale.intlLocale) })
        : ref('safety.duty.off'),
    );
    setText(locale, this.#dutyButton, ref(duty.onDuty ? 'safety.duty.stop' : 'safety.duty.start'));
    this.#dutyButton.setAttribute('aria-pressed', String(duty.onDuty));
    this.#dutyButton.className = duty.onDuty ? 'button-secondary' : 'button-primary';
    this.#dutyButton.hidden = false;
    this.#onDutyList.replaceChildren(
      ...(duty.everyoneOnDuty.length === 0
        ? [translated(locale, 'li', 'safety.duty.nobody')]
        : duty.everyoneOnDuty.map((person) =>
            h(
              'li',
              { 'data-testid': 'on-duty-person' },
              person.displayName,
              ' ',
              h('span', { class: 'field-hint' }, formatFullTime(person.since, locale.intlLocale)),
              ...(person.connected ? [] : [' ', translated(locale, 'span', 'safety.duty.away', { class: 'tag' })]),
            ),
          )),
    );
    setText(
      locale,
      this.#dutyNote,
      ref(
        duty.everyoneOnDuty.length > 0 && duty.everyoneOnDuty.every((person) => !person.connected)
          ? 'safety.duty.everyoneNow'
          : 'safety.duty.nobodyNote',
      ),
    );
  }

  async #toggleDuty(): Promise<void> {
    const duty = this.#duty;
    if (duty === null || this.#dutyButton.getAttribute('aria-disabled') === 'true') return;
    this.#dutyButton.setAttribute('aria-disabled', 'true');
    this.#dutyAlert.clear();
    try {
      this.#duty = await setDuty(api, !duty.onDuty);
      this.#renderDuty();
    } catch (error) {
      this.#dutyAlert.show(problemText(problemOf(error)));
    } finally {
      this.#dutyButton.removeAttribute('aria-disabled');
    }
  }

  #renderList(): void {
    const escalations = this.#escalations;
    if (escalations === null) return;
    if (escalations.length === 0) this.#status.show(ref('safety.escalations.empty'));
    else this.#status.clear();
    this.#list.replaceChildren(...escalations.map((escalation) => this.#item(escalation)));
  }

  #item(escalation: Escalation): HTMLLIElement {
    const self = session.user?.id;
    const mine = escalation.takenBy !== null && String(escalation.takenBy) === String(self);
    const heading = h('h3', { class: 'escalation-title' });
    setText(locale, heading, { keys: [`safety.signal.${escalation.signal}`], params: { room: escalation.roomTitle } });
    const meta = h(
      'p',
      { class: 'escalation-meta' },
      h('time', { datetime: escalation.createdAt }, formatFullTime(escalation.createdAt, locale.intlLocale)),
    );
    if (escalation.subjectName !== null) {
      meta.append(' · ', translated(locale, 'span', ref('safety.subject', { name: escalation.subjectName })));
    }
    const details: Node[] = [];
    if (escalation.categories.length > 0) {
      details.push(
        h(
          'ul',
          { class: 'room-tags' },
          ...escalation.categories.map((category) => translated(locale, 'li', categoryText(category), { class: 'tag tag-risk' })),
        ),
      );
    }
    if (escalation.reason !== null) {
      details.push(
        h(
          'p',
          { class: 'field-hint' },
          translated(locale, 'span', 'safety.reason'),
          ' ',
          translated(locale, 'span', reasonLabel[escalation.reason]),
        ),
      );
    }
    const excerpt = escalation.excerpt;
    if (excerpt !== null) {
      const quote = quoteBlock(null, { className: 'mod-quote', testId: 'escalation-excerpt' });
      if (escalation.excerptSensitive) {
        // Marked with a content note by its writer: read on request, as in the room.
        details.push(
          veil(quote, {
            revealed: false,
            fill: (text) => {
              text.textContent = excerpt;
            },
          }),
        );
      } else {
        quote.textContent = excerpt;
      }
      details.push(quote);
    }
    if (escalation.note !== null) {
      const note = h('p', { class: 'mod-item-text' });
      note.textContent = escalation.note;
      details.push(note);
    }
    const taken = h('p', { class: 'field-hint', 'data-testid': 'escalation-taken' });
    setText(
      locale,
      taken,
      escalation.takenBy === null
        ? ref('safety.notTaken')
        : mine
          ? ref('safety.takenByYou')
          : ref(escalation.takenByConnected === false ? 'safety.takenByAway' : 'safety.takenBy', { name: escalation.takenByName ?? '' }),
    );

    const actions = h('div', { class: 'actions' });
    const take = translated(locale, 'button', 'safety.take', {
      type: 'button',
      class: 'button-primary button-small',
      'data-testid': 'escalation-take',
    });
    take.addEventListener('click', () => void this.#act(take, () => takeEscalation(api, escalation.id), ref('safety.taken')));
    const talk = translated(locale, 'button', 'safety.privateTalk', {
      type: 'button',
      class: 'button-secondary button-small',
      'data-testid': 'escalation-private-talk',
    });
    talk.addEventListener('click', () => void this.#openTalk(talk, escalation));
    const close = translated(locale, 'button', 'safety.close', {
      type: 'button',
      class: 'button-quiet button-small',
      'data-testid': 'escalation-close',
    });
    close.addEventListener('click', () => void this.#close(escalation));
    const takeOver = translated(locale, 'button', 'safety.takeOver', {
      type: 'button',
      class: 'button-secondary button-small',
      'data-testid': 'escalation-take-over',
    });
    takeOver.addEventListener('click', () => void this.#act(takeOver, () => takeOverEscalation(api, escalation.id), ref('safety.taken')));
    const free = escalation.takenBy === null || mine;
    const admin = session.user?.roles.includes('ADMIN') === true;
    if (escalation.takenBy === null) actions.append(take);
    else if (!mine && (admin || escalation.takenByConnected === false)) actions.append(takeOver);
    if (free && escalation.subjectId !== null) actions.append(talk);
    if (free) actions.append(close);
    if (escalation.roomKind === 'OPEN' || admin) {
      actions.append(
        translated(locale, 'a', 'safety.toRoom', { href: hashOf(roomRoute(escalation.roomId)), class: 'button-link button-small' }),
      );
    }
    return h(
      'li',
      { class: `escalation${escalation.takenBy === null ? ' is-open' : ''}`, 'data-testid': 'escalation' },
      heading,
      meta,
      ...details,
      taken,
      actions,
    );
  }

  async #act<T>(button: HTMLButtonElement, work: () => Promise<T>, done: TextRef): Promise<boolean> {
    if (button.getAttribute('aria-disabled') === 'true') return false;
    button.setAttribute('aria-disabled', 'true');
    this.#done.clear();
    this.#alert.clear();
    let said = this.#done;
    try {
      await work();
      this.#done.show(done);
      await this.#load();
      return true;
    } catch (error) {
      said = this.#alert;
      this.#alert.show(problemText(problemOf(error)));
      await this.#load();
      return false;
    } finally {
      button.removeAttribute('aria-disabled');
      // The list is drawn again without the pressed button: focus goes to what was said, not to the page.
      if (!button.isConnected && (document.activeElement === document.body || document.activeElement === null)) {
        said.element.tabIndex = -1;
        said.element.focus();
      }
    }
  }

  async #openTalk(button: HTMLButtonElement, escalation: Escalation): Promise<void> {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    this.#done.clear();
    this.#alert.clear();
    try {
      const room = await escalationPrivateTalk(api, escalation.id);
      this.#done.show(ref('safety.privateTalkOpened', { name: escalation.subjectName ?? '' }));
      this.#done.element.append(
        ' ',
        translated(locale, 'a', 'mod.privateTalk.go', { href: hashOf(roomRoute(room.id)), 'data-testid': 'escalation-talk-link' }),
      );
      await this.#load();
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    } finally {
      button.removeAttribute('aria-disabled');
    }
  }

  async #close(escalation: Escalation): Promise<void> {
    const { field, input } = dialogTextField({
      label: 'safety.closeNote',
      hint: (max) => ref('chat.report.noteHint', { max }),
      limit: 'handlingNote',
      name: 'escalation-note',
    });
    const closed = await openDialog(this, {
      title: ref('safety.closeTitle', { room: escalation.roomTitle }),
      intro: ref('safety.closeIntro'),
      fields: [field],
      submit: 'safety.close',
      run: () => closeEscalation(api, escalation.id, input.value),
    });
    if (closed) {
      this.#done.show(ref('safety.closed'));
      await this.#load();
      this.querySelector<HTMLElement>('#escalations-heading')?.focus();
    }
  }
}

define('tp-safety-page', SafetyPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-safety-page': SafetyPage;
  }
}
