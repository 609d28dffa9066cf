import { LatestLoad } from '../state/latest.ts';
import { problemOf } from '../api/problem.ts';
import { formatFullTime } from '../chat/format.ts';
import { api, locale } from '../context.ts';
import { FormAlert } from '../components/form-alert.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import { backToOverview } from '../components/back-to-overview.ts';
import { type AuditDetails, detailTexts } from './audit-details.ts';

/** One line of the moderation audit log, as `GET /api/moderation/audit` gives it. */
type AuditLine = {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  roomId: string | null;
  targetName: string | null;
  reason: string;
  details: AuditDetails | null;
};

/**
 * Every action the server writes to the log (its `AuditAction` enum), in the order the filter
 * offers them. A server test fails when this list and the enum differ, or a language file lacks
 * `audit.actions.<ACTION>`; a line with an action unknown here (a newer server) shows its code.
 */
const ACTIONS = [
  'REMOVE_MESSAGE',
  'MUTE',
  'UNMUTE',
  'REMOVE_MEMBER',
  'MEMBER_ADDED',
  'MEMBER_REMOVED',
  'BAN',
  'BAN_SERIES',
  'UNBAN',
  'LOCK',
  'UNLOCK',
  'SLOW_MODE',
  'PIN',
  'UNPIN',
  'CRISIS_MESSAGE',
  'REPORT',
  'REPORT_RESOLVED',
  'REPORT_DISMISSED',
  'ESCALATION_TAKEN',
  'ESCALATION_TAKEN_OVER',
  'ESCALATION_CLOSED',
  'PRIVATE_TALK_OPENED',
  'APPEAL',
  'APPEAL_ANSWERED',
  'EDIT_OWN_MESSAGE',
  'DELETE_OWN_MESSAGE',
  'ROLES_CHANGED',
  'PEER_INVITED',
  'PEER_INVITATION_ACCEPTED',
  'PEER_INVITATION_DECLINED',
  'PEER_INVITATION_WITHDRAWN',
  'STAFF_APPOINTED',
  'STAFF_DISMISSED',
  'HOUSE_RULES_CHANGED',
  'HOUSE_RULES_RESET',
  'ADMIN_READ_ROOM',
] as const;

/** An action's name in the reader's language, or its code when the client does not know it. */
function actionText(action: string): TextRef {
  return { keys: [`audit.actions.${action}`], fallback: action };
}

/** Lines asked for at a time. */
const PAGE = 100;
/** A day in Helsinki as the API's instants with an offset (the end is the next midnight). */
function helsinkiMidnight(date: string, nextDay: boolean): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const day = new Date(`${date}T00:00:00Z`);
  if (nextDay) day.setUTCDate(day.getUTCDate() + 1);
  const iso = day.toISOString().slice(0, 10);
  // Helsinki is UTC+2 in winter and +3 in summer; the server takes the offset as given. The offset
  // is the one at the local midnight itself (22:00 UTC the evening before comes before that night's
  // change, made at 01:00 UTC), not at noon, so a day of a clock change keeps its own bounds.
  const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Helsinki', timeZoneName: 'longOffset' })
    .formatToParts(new Date(Date.parse(`${iso}T00:00:00Z`) - 2 * 3_600_000))
    .find((part) => part.type === 'timeZoneName')
    ?.value.replace('GMT', '');
  return `${iso}T00:00:00${offset === '' || offset === undefined ? '+02:00' : offset}`;
}

/**
 * The moderation audit log for coordinators and administrators: newest first, filtered by action
 * and by days (Helsinki), a hundred lines at a time. Who did what to whom, where, why, and when.
 */
class AuditPage extends Component {
  readonly #action = h(
    'select',
    { id: uniqueId('audit-action'), 'data-testid': 'audit-action' },
    translated(locale, 'option', 'audit.allActions', { value: '' }),
    ...ACTIONS.map((action) => {
      const option = h('option', { value: action });
      setText(locale, option, actionText(action));
      return option;
    }),
  );
  // The log is younger than 2020 and a later year than 2999 is a typing slip (a five-digit year).
  readonly #from = h('input', { type: 'date', id: uniqueId('audit-from'), min: '2020-01-01', max: '2999-12-31' });
  readonly #to = h('input', { type: 'date', id: uniqueId('audit-to'), min: '2020-01-01', max: '2999-12-31' });
  readonly #list = h('ol', { class: 'audit-list', tabindex: '-1', 'data-testid': 'audit-lines' });
  readonly #more = translated(locale, 'button', 'audit.more', { type: 'button', class: 'button-secondary', hidden: '' });
  readonly #alert = new FormAlert('error', 'audit-alert');
  readonly #empty = translated(locale, 'p', 'audit.empty', { class: 'note', hidden: '' });
  #oldest: number | null = null;
  /** The query of the lines shown, which "show older" pages on (not what the form says now). */
  #shown = new URLSearchParams();
  /** Only the latest load's answer is shown. */
  readonly #loads = new LatestLoad();
  /** The details shown with their line, said again when the language changes. */
  readonly #details = new Map<HTMLElement, AuditDetails | null>();

  protected override connected(signal: AbortSignal): void {
    locale.on(
      'locale-changed',
      () => {
        for (const [element, details] of this.#details) {
          if (element.isConnected) this.#sayDetails(element, details);
          else this.#details.delete(element);
        }
      },
      { signal },
    );
  }

  protected render(): void {
    const form = h(
      'form',
      { class: 'audit-filters', role: 'search' },
      h('div', { class: 'field' }, translated(locale, 'label', 'audit.action', { for: this.#action.id }), this.#action),
      h('div', { class: 'field' }, translated(locale, 'label', 'audit.from', { for: this.#from.id }), this.#from),
      h('div', { class: 'field' }, translated(locale, 'label', 'audit.to', { for: this.#to.id }), this.#to),
      translated(locale, 'button', 'audit.filter', { type: 'submit', class: 'button-primary' }),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#load(false);
    });
    this.#more.addEventListener('click', () => void this.#load(true));
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          backToOverview(),
          translated(locale, 'h1', 'audit.title', { tabindex: '-1' }),
          translated(locale, 'p', 'audit.intro', { class: 'lead' }),
          form,
        ),
        h('section', { class: 'card' }, this.#alert.element, this.#empty, this.#list, this.#more),
      ),
    );
    void this.#load(false);
  }

  async #load(more: boolean): Promise<void> {
    const params = more ? new URLSearchParams(this.#shown) : this.#filters();
    if (params === null) return;
    if (more && this.#oldest !== null) params.set('beforeId', String(this.#oldest));
    const latest = this.#loads.begin();
    this.#alert.clear();
    try {
      const lines = await api.get<AuditLine[]>(`/api/moderation/audit?${params.toString()}`);
      if (!latest()) return;
      const items = lines.map((line) => this.#line(line));
      if (more) this.#list.append(...items);
      else {
        this.#details.clear();
        this.#list.replaceChildren(...items);
        params.delete('beforeId');
        this.#shown = params;
      }
      this.#oldest = lines.at(-1)?.id ?? this.#oldest;
      const moreHadFocus = document.activeElement === this.#more;
      this.#more.hidden = lines.length < PAGE;
      this.#empty.hidden = this.#list.childElementCount > 0;
      // The button goes when nothing older is left: focus goes to the first line it brought.
      if (moreHadFocus && this.#more.hidden) (items[0] ?? this.#list).focus();
    } catch (error) {
      if (!latest()) return;
      // A refused filter leaves no earlier lines that could pass for its answer.
      if (!more) {
        this.#list.replaceChildren();
        this.#more.hidden = true;
        this.#empty.hidden = true;
      }
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  /** The form's filters as a query, or null (the problem said) when the days are the wrong way round. */
  #filters(): URLSearchParams | null {
    const params = new URLSearchParams({ limit: String(PAGE) });
    const action = this.#action.value;
    if (action !== '') params.set('action', action);
    const unreadable = [this.#from, this.#to].find((field) => !field.checkValidity());
    if (unreadable !== undefined) {
      this.#alert.show(ref('audit.badDay'));
      unreadable.focus();
      return null;
    }
    const from = helsinkiMidnight(this.#from.value, false);
    const to = helsinkiMidnight(this.#to.value, true);
    if (from !== null && to !== null && this.#from.value > this.#to.value) {
      this.#alert.show(ref('audit.reversedDays'));
      this.#to.focus();
      return null;
    }
    if (from !== null) params.set('from', from);
    if (to !== null) params.set('to', to);
    return params;
  }

  #line(line: AuditLine): HTMLLIElement {
    const action = h('span', { class: 'audit-action' });
    setText(locale, action, actionText(line.action));
    const head = h(
      'p',
      { class: 'audit-head' },
      formatFullTime(line.at, locale.intlLocale),
      ' · ',
      line.actorName ?? '–',
      ' · ',
      action,
      ' · ',
      line.targetName ?? '–',
    );
    // What people wrote (reasons, removed texts): set as text, never as markup.
    const reason = h('p', { class: 'audit-reason' });
    reason.textContent = line.reason;
    reason.hidden = line.reason === '';
    const details = h('p', { class: 'audit-details', 'data-testid': 'audit-details' });
    this.#sayDetails(details, line.details);
    this.#details.set(details, line.details);
    return h('li', { class: 'audit-line', tabindex: '-1', 'data-testid': 'audit-line', 'data-action': line.action }, head, reason, details);
  }

  /** The details in words, each fact its own span (set as text: some are what people wrote). */
  #sayDetails(element: HTMLElement, details: AuditDetails | null): void {
    const texts = detailTexts(details, { lookup: (keys) => locale.first(keys), intlLocale: locale.intlLocale });
    element.replaceChildren(
      ...texts.flatMap((text, index) => {
        const fact = h('span', { class: 'audit-fact' });
        setText(locale, fact, text);
        return index === 0 ? [fact] : [' · ', fact];
      }),
    );
    element.hidden = texts.length === 0;
  }
}

define('tp-audit-page', AuditPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-audit-page': AuditPage;
  }
}
