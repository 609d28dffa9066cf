import { calendarLink } from '../components/calendar-link.ts';
import { type Problem, problemOf } from '../api/problem.ts';
import {
  type CalendarSeries,
  type CalendarSession,
  type Enrolment,
  type Series,
  enrol,
  fetchCalendarSeries,
  fetchEnrolment,
  fetchSeries,
  withdraw,
} from '../api/series.ts';
import type { CurrentUser } from '../api/types.ts';
import { FormAlert } from '../components/form-alert.ts';
import { seriesTags } from '../components/series-tags.ts';
import { api, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import { hashOf, roomRoute } from '../routes.ts';
import { enrolmentText, joinable, localised, sessionTime, sortedSessions } from '../series/calendar.ts';
import { dateTimeFormat, formatWallClock } from '../i18n/formats.ts';

/** What the page knows of the series: public facts always, the plan and staff when signed in. */
type Loaded = {
  listing: CalendarSeries | null;
  detail: Series | null;
};

function toProblem(error: unknown): Problem {
  return problemOf(error);
}

function mayEnrol(user: CurrentUser | null): boolean {
  return user !== null && !user.guest;
}

/** One series: its plan, staff and sessions, and enrolment for signed-in parents. */
class SeriesPage extends Component {
  readonly #title = h('h1', { tabindex: '-1', 'data-testid': 'series-title' });
  readonly #audience = h('p', { class: 'lead', hidden: true, 'data-testid': 'series-audience' });
  readonly #tags = h('div');
  readonly #loading = translated(locale, 'p', 'series.loading', { class: 'loading', role: 'status' });
  readonly #failure = new FormAlert('error', 'series-failure');
  readonly #body = h('div', { class: 'page', hidden: true });
  readonly #plan = h('section', { class: 'card', hidden: true });
  readonly #sessions = h('section', { class: 'card' });
  readonly #enrolment = h('section', { class: 'card', hidden: true, 'data-testid': 'enrolment' });
  readonly #enrolmentStatus = h('p', { class: 'enrolment-status', role: 'status', tabindex: '-1', 'data-testid': 'enrolment-status' });
  readonly #enrolmentAlert = new FormAlert('error', 'enrolment-alert');
  readonly #enrolmentActions = h('div', { class: 'actions' });
  #data: Loaded | null = null;
  #enrolmentState: Enrolment | null = null;
  #busy = false;

  protected render(): void {
    const enrolmentHeading = uniqueId('enrolment-heading');
    this.#enrolment.setAttribute('aria-labelledby', enrolmentHeading);
    this.#enrolment.append(
      translated(locale, 'h2', 'series.enrolment.heading', { id: enrolmentHeading }),
      this.#enrolmentStatus,
      this.#enrolmentAlert.element,
      this.#enrolmentActions,
    );
    this.#body.append(this.#plan, this.#sessions, this.#enrolment);
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          h('p', { class: 'chat-back' }, translated(locale, 'a', 'series.back', { href: hashOf('calendar') })),
          this.#title,
          this.#audience,
          this.#tags,
          this.#loading,
          this.#failure.element,
        ),
        this.#body,
      ),
    );
    setText(locale, this.#title, ref('series.heading'));
  }

  protected override connected(signal: AbortSignal): void {
    session.on('session-changed', () => void this.#load(), { signal });
    locale.on('locale-changed', () => this.#renderAll(), { signal });
    void this.#load();
  }

  get #seriesId(): string | undefined {
    return this.dataset['seriesId'];
  }

  async #load(): Promise<void> {
    const id = this.#seriesId;
    if (id === undefined || session.status === 'restoring') return;
    this.#loading.hidden = false;
    this.#failure.clear();
    const signedIn = session.status === 'signed-in';
    const [listing, detail] = await Promise.allSettled([
      fetchCalendarSeries(api, id).catch(() => null),
      signedIn ? fetchSeries(api, id) : Promise.resolve(null),
    ]);
    this.#loading.hidden = true;
    if (detail.status === 'rejected') {
      this.#fail(problemText(toProblem(detail.reason)));
      return;
    }
    const found = listing.status === 'fulfilled' ? listing.value : null;
    if (detail.value === null && found === null) {
      this.#fail(
        listing.status === 'rejected'
          ? problemText(toProblem(listing.reason))
          : ref(signedIn ? 'error.series.not_found' : 'series.notInCalendar'),
      );
      return;
    }
    this.#data = { listing: found, detail: detail.value };
    this.#enrolmentState = null;
    this.#renderAll();
    if (this.#kind() === 'CLOSED' && mayEnrol(session.user)) await this.#loadEnrolment(id);
  }

  async #loadEnrolment(id: string): Promise<void> {
    try {
      this.#enrolmentState = await fetchEnrolment(api, id);
    } catch (error) {
      const problem = toProblem(error);
      if (problem.code !== 'series.not_enrolled' && problem.status !== 404) {
        this.#enrolmentAlert.show(problemText(problem));
      }
      this.#enrolmentState = null;
    }
    this.#renderEnrolment();
  }

  #fail(text: TextRef): void {
    this.#data = null;
    this.#body.hidden = true;
    this.#failure.show(text);
  }

  #kind(): 'OPEN' | 'CLOSED' | null {
    return this.#data?.detail?.kind ?? this.#data?.listing?.kind ?? null;
  }

  #renderAll(): void {
    const data = this.#data;
    if (data === null) return;
    const { listing, detail } = data;
    const title = detail?.title ?? listing?.title ?? '';
    setText(locale, this.#title, null);
    this.#title.textContent = title;
    const audience = (detail?.audienceNote ?? listing?.audienceNote ?? '').trim();
    this.#audience.textContent = audience;
    this.#audience.hidden = audience === '';
    this.#renderTags(data);
    this.#body.hidden = false;
    this.#renderPlan(detail);
    this.#renderSessions(data);
    this.#renderEnrolment();
  }

  #renderTags({ listing, detail }: Loaded): void {
    const base = detail ?? listing;
    if (base === null) return;
    this.#tags.replaceChildren(
      seriesTags({
        kind: base.kind,
        format: base.format,
        state: base.state,
        ageMin: base.ageMin,
        ageMax: base.ageMax,
        seatsLeft: listing?.seatsLeft ?? null,
      }),
    );
  }

  /** After enrolling or withdrawing, the places left have changed. */
  async #refreshSeats(id: string): Promise<void> {
    try {
      const found = await fetchCalendarSeries(api, id);
      if (this.#data === null) return;
      this.#data = { ...this.#data, listing: found };
      this.#renderTags(this.#data);
    } catch {
      // The count stays as it was; the next visit shows the right one.
    }
  }

  #renderPlan(detail: Series | null): void {
    this.#plan.hidden = detail === null;
    if (detail === null) {
      this.#plan.replaceChildren();
      return;
    }
    const headingId = uniqueId('plan-heading');
    const staffHeadingId = uniqueId('staff-heading');
    const facts: [TextRef, string | TextRef][] = [
      [
        ref('series.plan.rhythm'),
        ref(detail.intervalWeeks === 2 ? 'series.plan.everyOtherWeek' : 'series.plan.everyWeek', {
          time: formatWallClock(detail.startTime, locale.intlLocale),
          minutes: detail.lengthMinutes,
        }),
      ],
    ];
    if (detail.kind === 'CLOSED' && detail.capacity !== null) {
      facts.push([ref('series.plan.size'), ref('series.plan.sizeValue', { capacity: detail.capacity, min: detail.minParticipants ?? 1 })]);
    }
    if (detail.decisionDate !== null && detail.state === 'PLANNED') {
      const date = new Date(`${detail.decisionDate}T12:00:00Z`);
      const shown = Number.isNaN(date.getTime())
        ? detail.decisionDate
        : dateTimeFormat(locale.intlLocale, { timeZone: 'UTC', dateStyle: 'long' }).format(date);
      facts.push([ref('series.plan.decision'), ref('series.plan.decisionValue', { date: shown })]);
    }
    const staff = [...detail.staff].sort((a, b) => (a.role === b.role ? 0 : a.role === 'FACILITATOR' ? -1 : 1));
    this.#plan.setAttribute('aria-labelledby', headingId);
    this.#plan.replaceChildren(
      translated(locale, 'h2', 'series.plan.heading', { id: headingId }),
      h(
        'dl',
        { class: 'series-facts' },
        ...facts.flatMap(([term, value]) => [
          translated(locale, 'dt', term),
          typeof value === 'string' ? h('dd', {}, value) : translated(locale, 'dd', value),
        ]),
      ),
      translated(locale, 'h3', 'series.staff.heading', { id: staffHeadingId }),
      staff.length === 0
        ? translated(locale, 'p', 'series.staff.none', { class: 'note' })
        : h(
            'ul',
            { class: 'staff-list', 'aria-labelledby': staffHeadingId, 'data-testid': 'staff-list' },
            ...staff.map((member) =>
              h(
                'li',
                {},
                h('span', { class: 'staff-name' }, member.displayName),
                ' ',
                translated(locale, 'span', member.role === 'FACILITATOR' ? 'chat.badge.FACILITATOR' : 'chat.badge.PEER_SUPPORTER', {
                  class: `role-badge role-badge-${member.role === 'FACILITATOR' ? 'facilitator' : 'peer'}`,
                }),
              ),
            ),
          ),
    );
  }

  #renderSessions({ listing, detail }: Loaded): void {
    const rooms = new Map<string, CalendarSession>();
    for (const session of listing?.sessions ?? []) rooms.set(session.id, session);
    const sessions: CalendarSession[] = (detail?.sessions ?? listing?.sessions ?? []).map((session) => ({
      ...session,
      roomId: rooms.get(session.id)?.roomId ?? null,
    }));
    const headingId = uniqueId('sessions-heading');
    this.#sessions.setAttribute('aria-labelledby', headingId);
    const language = locale.locale;
    this.#sessions.replaceChildren(
      translated(locale, 'h2', 'series.sessions.heading', { id: headingId }),
      calendarLink(this.#seriesId ?? ''),
      sessions.length === 0
        ? translated(locale, 'p', 'series.sessions.none', { class: 'note' })
        : h(
            'ol',
            { class: 'session-list', 'data-testid': 'session-list' },
            ...sortedSessions(sessions).map((session) => {
              const theme = localised(session.theme, language);
              const active = joinable(session);
              return h(
                'li',
                { class: `session-item session-${session.state.toLowerCase()}`, 'data-testid': 'session-item' },
                h(
                  'h3',
                  { class: 'session-title' },
                  translated(locale, 'span', ref('series.sessions.number', { position: session.position }), {
                    class: 'session-number',
                  }),
                  ' ',
                  theme,
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
                      'data-testid': 'session-state',
                    },
                  ),
                  active && session.roomId !== null
                    ? translated(locale, 'a', 'series.sessions.join', {
                        href: hashOf(roomRoute(session.roomId)),
                        class: 'button-link button-small',
                        'data-testid': 'session-join',
                      })
                    : null,
                ),
              );
            }),
          ),
    );
  }

  #renderEnrolment(): void {
    const kind = this.#kind();
    const state = this.#data?.detail?.state ?? this.#data?.listing?.state ?? null;
    this.#enrolment.hidden = kind !== 'CLOSED';
    if (kind !== 'CLOSED') return;
    const user = session.user;
    this.#enrolmentActions.replaceChildren();
    if (session.status !== 'signed-in' || user === null) {
      setText(locale, this.#enrolmentStatus, ref('series.enrolment.signIn'));
      this.#enrolmentActions.append(
        translated(locale, 'a', 'series.enrolment.signInLink', { href: hashOf('login'), class: 'button-link' }),
      );
      return;
    }
    if (!mayEnrol(user)) {
      setText(locale, this.#enrolmentStatus, ref('error.series.guests_cannot_enrol'));
      return;
    }
    const status = enrolmentText(this.#enrolmentState);
    const open = state === 'PLANNED' || state === 'CONFIRMED';
    setText(locale, this.#enrolmentStatus, status ?? ref(open ? 'series.enrolment.none' : 'series.enrolment.closed'));
    if (status !== null) {
      const leave = translated(
        locale,
        'button',
        this.#enrolmentState?.status === 'WAITLISTED' ? 'series.enrolment.leaveQueue' : 'series.enrolment.withdraw',
        { type: 'button', class: 'button-secondary', 'data-testid': 'withdraw' },
      );
      leave.addEventListener('click', () => void this.#change('withdraw', leave));
      this.#enrolmentActions.append(leave);
    } else if (open) {
      const join = translated(locale, 'button', 'series.enrolment.enrol', {
        type: 'button',
        class: 'button-primary',
        'data-testid': 'enrol',
      });
      join.addEventListener('click', () => void this.#change('enrol', join));
      this.#enrolmentActions.append(join);
    }
  }

  async #change(action: 'enrol' | 'withdraw', button: HTMLButtonElement): Promise<void> {
    const id = this.#seriesId;
    if (id === undefined || this.#busy) return;
    this.#busy = true;
    button.setAttribute('aria-disabled', 'true');
    this.#enrolmentAlert.clear();
    try {
      const result = action === 'enrol' ? await enrol(api, id) : await withdraw(api, id);
      this.#enrolmentState = result.status === 'WITHDRAWN' ? null : result;
      this.#renderEnrolment();
      const next = this.#enrolmentActions.querySelector<HTMLButtonElement>('button');
      (next ?? this.#enrolmentStatus).focus();
      void this.#refreshSeats(id);
    } catch (error) {
      button.removeAttribute('aria-disabled');
      this.#enrolmentAlert.show(problemText(toProblem(error)));
    } finally {
      this.#busy = false;
    }
  }
}

define('tp-series-page', SeriesPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-series-page': SeriesPage;
  }
}
