import {
  type Fill,
  type SessionAttendance,
  addSession,
  assignStaff,
  cancelSession,
  createInvitation,
  fetchAttendance,
  fetchFill,
  listStaff,
  moveSession,
} from '../api/coordination.ts';
import { type Problem, problemOf } from '../api/problem.ts';
import { type Series, type SeriesSession, fetchSeries } from '../api/series.ts';
import { FormAlert } from '../components/form-alert.ts';
import { FormField } from '../components/form-field.ts';
import '../components/house-rules-editor.ts';
import '../components/peer-candidates.ts';
import { StaffPicker } from '../components/staff-picker.ts';
import { decisionText, minimumText, minutesPresent, seatsText, startTime, waitlistText } from '../coordination/fill.ts';
import { isDate } from '../coordination/plan-form.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { FormController } from '../forms/form-controller.ts';
import { problemText } from '../forms/problem-text.ts';
import { type Rule, textRule } from '../forms/rules.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { hashOf, reportRoute, seriesRoute } from '../routes.ts';
import { helsinkiDate, localised, sessionTime, sortedSessions } from '../series/calendar.ts';
import { backToOverview } from '../components/back-to-overview.ts';

function toProblem(error: unknown): Problem {
  return problemOf(error);
}

const dateRule: Rule = (value) => (value === '' ? 'not_blank' : isDate(value) ? null : 'invalid');
const timeRule: Rule = (value) => (value === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? null : 'invalid');
const themeRule: Rule = textRule('sessionTheme');
/** The Swedish theme may be left empty (the session is then shown in Finnish). */
const optionalThemeRule: Rule = (value) => (value.trim() === '' ? null : themeRule(value));

function card(headingKey: MessageKey, testId: string, ...children: (HTMLElement | null)[]): HTMLElement {
  const id = uniqueId('coordinator-part');
  return h(
    'section',
    { class: 'card', 'aria-labelledby': id, 'data-testid': testId },
    translated(locale, 'h2', headingKey, { id }),
    ...children,
  );
}

/**
 * For coordinators: one series as they run it. How full it is, its sessions (move, cancel or add
 * one), attendance per session, who leads it, and invitation codes for a closed group.
 */
class CoordinatorSeriesPage extends Component {
  readonly #title = h('h1', { tabindex: '-1', 'data-testid': 'coordinator-series-title' });
  readonly #tags = h('p', { class: 'series-tags' });
  readonly #publicLink = translated(locale, 'a', 'coordinator.series.publicPage', {});
  readonly #reportLink = translated(locale, 'a', 'coordinator.series.reportLink', { 'data-testid': 'series-report-link' });
  readonly #loadAlert = new FormAlert('error', 'coordinator-series-alert');
  readonly #fill = h('dl', { class: 'series-facts fill-facts', 'data-testid': 'series-fill' });
  readonly #sessions = h('ol', { class: 'session-list', 'data-testid': 'coordinator-sessions' });
  readonly #sessionAlert = new FormAlert('error', 'session-alert');
  readonly #sessionStatus = new FormAlert('info', 'session-status');
  readonly #attendance = h('div', { 'data-testid': 'attendance' });
  readonly #staff = new StaffPicker();
  readonly #invitations = h('div');
  readonly #peers = h('div');
  readonly #rules = h('tp-house-rules-editor', { 'data-owner': 'SERIES' });
  readonly #body = h('div', { hidden: true });
  #series: Series | null = null;
  #attendanceList: SessionAttendance[] = [];
  #fillFigures: Fill | null = null;

  protected render(): void {
    setText(locale, this.#title, ref('coordinator.series.heading'));
    this.#body.append(
      card('coordinator.series.fillHeading', 'fill-card', this.#fill),
      card(
        'coordinator.series.sessionsHeading',
        'sessions-card',
        translated(locale, 'p', 'coordinator.series.sessionsIntro', { class: 'field-hint' }),
        this.#sessionStatus.element,
        this.#sessionAlert.element,
        this.#sessions,
        this.#addSessionForm(),
      ),
      card(
        'coordinator.series.attendanceHeading',
        'attendance-card',
        translated(locale, 'p', 'coordinator.series.attendanceIntro', { class: 'field-hint' }),
        this.#attendance,
      ),
      card('coordinator.series.staffHeading', 'staff-card', this.#staffForm()),
      this.#peers,
      h('section', { class: 'card', 'data-testid': 'series-house-rules' }, this.#rules),
      this.#invitations,
    );
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          backToOverview(),
          this.#title,
          this.#tags,
          h('p', {}, this.#publicLink, ' · ', this.#reportLink),
          this.#loadAlert.element,
        ),
        this.#body,
      ),
    );
    void this.#load();
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#renderAll(), { signal });
  }

  get #seriesId(): string {
    return this.dataset['seriesId'] ?? '';
  }

  async #load(): Promise<void> {
    try {
      const [series, fill, attendance, staff] = await Promise.all([
        fetchSeries(api, this.#seriesId),
        fetchFill(api, this.#seriesId),
        fetchAttendance(api, this.#seriesId),
        listStaff(api),
      ]);
      this.#staff.setStaff(staff);
      this.#attendanceList = attendance;
      this.#fillFigures = fill;
      this.#show(series);
      this.#staff.choose(series.staff);
      void this.#rules.load('SERIES', series.id);
      if (series.state === 'COMPLETED' && this.#peers.childElementCount === 0) {
        // after the series its participants may go on as peer supporters
        const candidates = h('tp-peer-candidates');
        this.#peers.append(candidates);
        void candidates.load(series.id);
      }
      if (series.kind === 'CLOSED' && this.#invitations.childElementCount === 0) {
        this.#invitations.append(card('coordinator.invite.heading', 'invitations-card', this.#invitationForm()));
      }
      this.#body.hidden = false;
    } catch (error) {
      this.#loadAlert.show(problemText(toProblem(error)));
    }
  }

  #show(series: Series): void {
    this.#series = series;
    this.#publicLink.setAttribute('href', hashOf(seriesRoute(series.id)));
    this.#reportLink.setAttribute('href', hashOf(reportRoute(series.id)));
    this.#renderAll();
  }

  #renderAll(): void {
    const series = this.#series;
    if (series === null) return;
    setText(locale, this.#title, null);
    this.#title.textContent = series.title;
    this.#tags.replaceChildren(
      translated(locale, 'span', `series.kind.${series.kind}`, { class: 'tag' }),
      ' ',
      translated(locale, 'span', `series.state.${series.state}`, { class: 'tag tag-state', 'data-testid': 'series-state' }),
    );
    this.#renderFill();
    this.#renderSessions(series);
    this.#renderAttendance(series);
  }

  #renderFill(): void {
    const fill = this.#fillFigures;
    const series = this.#series;
    if (fill === null || series === null) return;
    const rows: [MessageKey, TextRef][] = [
      ['coordinator.fill.seatsTerm', seatsText(fill)],
      ['coordinator.fill.minimumTerm', minimumText(fill)],
      ['coordinator.fill.waitlistTerm', waitlistText(fill.waitlisted)],
      [
        'coordinator.fill.decisionTerm',
        series.state === 'PLANNED'
          ? decisionText(fill.decisionDate, helsinkiDate(new Date()), locale.intlLocale)
          : ref(`series.state.${series.state}` as MessageKey),
      ],
    ];
    this.#fill.replaceChildren(...rows.flatMap(([term, value]) => [translated(locale, 'dt', term), translated(locale, 'dd', value)]));
  }

  #renderSessions(series: Series): void {
    const language = locale.locale;
    this.#sessions.replaceChildren(
      ...sortedSessions(series.sessions).map((session) =>
        h(
          'li',
          { class: `session-item session-${session.state.toLowerCase()}`, 'data-testid': 'coordinator-session' },
          h(
            'h3',
            { class: 'session-title' },
            translated(locale, 'span', ref('series.sessions.number', { position: session.position }), { class: 'session-number' }),
            ' ',
            localised(session.theme, language),
          ),
          h('p', { class: 'session-time' }, sessionTime(session.startsAt, session.endsAt, locale.intlLocale)),
          h(
            'p',
            { class: 'session-meta' },
            translated(
              locale,
              'span',
              { keys: [`series.sessionState.${session.state}`], fallback: session.state },
              {
                class: `tag session-state-${session.state.toLowerCase()}`,
              },
            ),
          ),
          session.state === 'SCHEDULED' ? this.#sessionActions(session) : null,
        ),
      ),
    );
  }

  /** Move (to another day and, if wished, time) or cancel a session that has not opened. */
  #sessionActions(session: SeriesSession): HTMLElement {
    const position = { position: session.position };
    const date = new FormField({ name: 'date', label: 'coordinator.session.newDate', type: 'date', autocomplete: 'off', rule: dateRule });
    date.value = helsinkiDate(new Date(session.startsAt));
    const time = new FormField({
      name: 'startTime',
      label: 'coordinator.session.newTime',
      hint: 'coordinator.session.newTimeHint',
      type: 'time',
      autocomplete: 'off',
      rule: timeRule,
      required: false,
    });
    const alert = new FormAlert('error', 'move-alert');
    const submit = translated(locale, 'button', ref('coordinator.session.move', position), {
      type: 'submit',
      class: 'button-secondary button-small',
    });
    const form = h('form', { class: 'stack session-move' }, date.element, time.element, alert.element, submit);
    new FormController(form, [date, time], alert, submit).onSubmit(async () => {
      const updated = await moveSession(api, this.#seriesId, session.id, date.value, time.value === '' ? null : time.value);
      this.#show(updated);
      this.#sessionStatus.show(ref('coordinator.session.moved', position));
    });

    const cancel = translated(locale, 'button', ref('coordinator.session.cancel', position), {
      type: 'button',
      class: 'button-quiet button-small',
    });
    const confirm = translated(locale, 'button', ref('coordinator.session.confirmCancel', position), {
      type: 'button',
      class: 'button-secondary button-small',
      hidden: '',
    });
    cancel.addEventListener('click', () => {
      confirm.hidden = false;
      confirm.focus();
    });
    confirm.addEventListener('click', () => void this.#cancel(session, confirm));
    const detailsId = uniqueId('session-change');
    return h(
      'details',
      { class: 'session-change' },
      translated(locale, 'summary', ref('coordinator.session.change', position), { id: detailsId }),
      form,
      h('div', { class: 'actions' }, cancel, confirm),
    );
  }

  async #cancel(session: SeriesSession, button: HTMLButtonElement): Promise<void> {
    button.setAttribute('aria-disabled', 'true');
    this.#sessionAlert.clear();
    try {
      this.#show(await cancelSession(api, this.#seriesId, session.id));
      this.#sessionStatus.show(ref('coordinator.session.cancelled', { position: session.position }));
    } catch (error) {
      button.removeAttribute('aria-disabled');
      this.#sessionAlert.show(problemText(toProblem(error)));
    }
  }

  #addSessionForm(): HTMLElement {
    const headingId = uniqueId('add-session');
    const date = new FormField({ name: 'date', label: 'coordinator.addSession.date', type: 'date', autocomplete: 'off', rule: dateRule });
    const theme = { autocomplete: 'off', rule: themeRule, limit: 'sessionTheme' } as const;
    const themeFi = new FormField({ name: 'themeFi', label: 'coordinator.addSession.themeFi', ...theme });
    const themeSv = new FormField({
      name: 'themeSv',
      label: 'coordinator.addSession.themeSv',
      autocomplete: 'off',
      rule: optionalThemeRule,
      limit: 'sessionTheme',
      required: false,
    });
    const themeEn = new FormField({ name: 'themeEn', label: 'coordinator.addSession.themeEn', ...theme });
    const alert = new FormAlert('error', 'add-session-alert');
    const submit = translated(locale, 'button', 'coordinator.addSession.submit', { type: 'submit', class: 'button-secondary' });
    const form = h(
      'form',
      { class: 'stack', 'aria-labelledby': headingId },
      date.element,
      themeFi.element,
      themeSv.element,
      themeEn.element,
      alert.element,
      submit,
    );
    new FormController(form, [date, themeFi, themeSv, themeEn], alert, submit).onSubmit(async () => {
      const theme = { fi: themeFi.value.trim(), sv: themeSv.value.trim(), en: themeEn.value.trim() };
      this.#show(await addSession(api, this.#seriesId, date.value, theme));
      this.#sessionStatus.show(ref('coordinator.addSession.added'));
      themeFi.value = '';
      themeSv.value = '';
      themeEn.value = '';
    });
    return h(
      'div',
      { class: 'card-soft add-session' },
      translated(locale, 'h3', 'coordinator.addSession.heading', { id: headingId }),
      form,
    );
  }

  #renderAttendance(series: Series): void {
    const language = locale.locale;
    const themes = new Map(series.sessions.map((session) => [session.id, localised(session.theme, language)]));
    const held = this.#attendanceList.filter((session) => session.state !== 'SCHEDULED' && session.state !== 'CANCELLED');
    if (held.length === 0) {
      this.#attendance.replaceChildren(translated(locale, 'p', 'coordinator.attendance.none', { class: 'note' }));
      return;
    }
    this.#attendance.replaceChildren(
      ...held.map((session) =>
        h(
          'div',
          { class: 'attendance-session', 'data-testid': 'attendance-session' },
          h(
            'h3',
            {},
            translated(locale, 'span', ref('series.sessions.number', { position: session.position }), { class: 'session-number' }),
            ' ',
            themes.get(session.sessionId) ?? '',
          ),
          translated(locale, 'p', ref('coordinator.attendance.count', { count: session.attendees.length }), { class: 'field-hint' }),
          session.attendees.length === 0
            ? null
            : h(
                'ul',
                { class: 'attendance-list' },
                ...session.attendees.map((person) =>
                  h(
                    'li',
                    {},
                    h('span', { class: 'staff-name' }, person.displayName),
                    ' ',
                    translated(
                      locale,
                      'span',
                      ref('coordinator.attendance.minutes', {
                        minutes: minutesPresent(person.secondsPresent),
                        since: startTime(person.firstJoinedAt, locale.intlLocale),
                      }),
                      { class: 'field-hint' },
                    ),
                  ),
                ),
              ),
        ),
      ),
    );
  }

  #staffForm(): HTMLElement {
    const alert = new FormAlert('error', 'staff-alert');
    const saved = new FormAlert('info', 'staff-saved');
    const submit = translated(locale, 'button', 'coordinator.staff.save', { type: 'submit', class: 'button-primary' });
    const form = h(
      'form',
      { class: 'stack' },
      translated(locale, 'p', 'coordinator.staff.intro', { class: 'field-hint' }),
      this.#staff.element,
      alert.element,
      saved.element,
      submit,
    );
    new FormController(form, this.#staff.fields, alert, submit).onSubmit(async () => {
      saved.clear();
      const updated = await assignStaff(api, this.#seriesId, this.#staff.facilitatorIds(), this.#staff.peerSupporterIds());
      this.#show(updated);
      this.#staff.choose(updated.staff);
      saved.show(ref('coordinator.staff.saved'));
    });
    return form;
  }

  #invitationForm(): HTMLElement {
    const wholeRule =
      (max: number): Rule =>
      (value) =>
        value.trim() === ''
          ? 'not_blank'
          : !/^\d+$/.test(value.trim())
            ? 'invalid'
            : Number(value) < 1 || Number(value) > max
              ? 'range'
              : null;
    const uses = new FormField({
      name: 'maxUses',
      label: 'coordinator.invite.maxUses',
      hint: 'coordinator.invite.maxUsesHint',
      type: 'number',
      autocomplete: 'off',
      rule: wholeRule(50),
    });
    const days = new FormField({
      name: 'validDays',
      label: 'coordinator.invite.validDays',
      hint: 'coordinator.invite.validDaysHint',
      type: 'number',
      autocomplete: 'off',
      rule: wholeRule(90),
    });
    uses.value = '1';
    days.value = '14';
    const alert = new FormAlert('error', 'invite-alert');
    const result = h('div', { role: 'status', 'data-testid': 'invitation-result' });
    const submit = translated(locale, 'button', 'coordinator.invite.submit', { type: 'submit', class: 'button-secondary' });
    const form = h(
      'form',
      { class: 'stack' },
      translated(locale, 'p', 'coordinator.invite.intro', { class: 'field-hint' }),
      uses.element,
      days.element,
      alert.element,
      submit,
      result,
    );
    new FormController(form, [uses, days], alert, submit).onSubmit(async () => {
      const invitation = await createInvitation(api, this.#seriesId, Number(uses.value), Number(days.value));
      result.replaceChildren(
        translated(locale, 'p', 'coordinator.invite.created'),
        h('p', { class: 'invitation-code', 'data-testid': 'invitation-code' }, invitation.code),
        translated(
          locale,
          'p',
          ref('coordinator.invite.validUntil', {
            date: startTime(invitation.expiresAt, locale.intlLocale),
            uses: invitation.maxUses,
          }),
          { class: 'field-hint' },
        ),
      );
    });
    return form;
  }
}

define('tp-coordinator-series-page', CoordinatorSeriesPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-coordinator-series-page': CoordinatorSeriesPage;
  }
}
