import { calendarLink } from '../components/calendar-link.ts';
import { problemOf } from '../api/problem.ts';
import { type CalendarSeries, fetchCalendar } from '../api/series.ts';
import { FormAlert } from '../components/form-alert.ts';
import { seriesTags } from '../components/series-tags.ts';
import { api, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { hashOf, seriesRoute } from '../routes.ts';
import { type KindFilter, calendarRange, filterSeries, firstSession, groupByMonth, monthLabel, sessionTime } from '../series/calendar.ts';

const kindChoices: readonly { kind: KindFilter; label: MessageKey }[] = [
  { kind: 'ALL', label: 'calendar.filter.all' },
  { kind: 'OPEN', label: 'calendar.filter.open' },
  { kind: 'CLOSED', label: 'calendar.filter.closed' },
];

/** The public annual calendar (vuosikello): every upcoming group, by month, for anyone. */
class CalendarPage extends Component {
  readonly #results = h('div', { class: 'calendar-months', 'data-testid': 'calendar-results' });
  readonly #count = h('p', { class: 'calendar-count', role: 'status', 'data-testid': 'calendar-count' });
  readonly #status = new FormAlert('info', 'calendar-status');
  readonly #alert = new FormAlert('error', 'calendar-alert');
  readonly #search = h('input', { type: 'text', autocomplete: 'off', 'data-testid': 'calendar-search' });
  readonly #back = h('a', { 'data-testid': 'calendar-back' });
  #kind: KindFilter = 'ALL';
  #series: CalendarSeries[] | null = null;
  #loading = false;

  protected render(): void {
    const reload = translated(locale, 'button', 'calendar.reload', { type: 'button', class: 'button-quiet' });
    reload.addEventListener('click', () => void this.#load());
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'calendar.title', { tabindex: '-1' }),
          translated(locale, 'p', 'calendar.intro', { class: 'lead' }),
          this.#filters(),
          this.#status.element,
          this.#alert.element,
          this.#count,
          this.#results,
          h('div', { class: 'actions' }, reload),
        ),
        h('p', { class: 'aside' }, this.#back),
      ),
    );
    this.#showBack();
    void this.#load();
  }

  protected override connected(signal: AbortSignal): void {
    session.on('session-changed', () => this.#showBack(), { signal });
    locale.on('locale-changed', () => this.#renderList(), { signal });
  }

  #filters(): HTMLElement {
    const searchId = uniqueId('calendar-search');
    const hintId = uniqueId('calendar-search-hint');
    this.#search.id = searchId;
    this.#search.setAttribute('aria-describedby', hintId);
    this.#search.addEventListener('input', () => this.#renderList());
    const legendId = uniqueId('calendar-kind');
    const name = uniqueId('calendar-kind-choice');
    const kinds = h(
      'fieldset',
      { class: 'choice-group calendar-kinds', 'aria-labelledby': legendId },
      translated(locale, 'legend', 'calendar.filter.kind', { id: legendId }),
      ...kindChoices.map((choice) => {
        const id = uniqueId('calendar-kind-option');
        const radio = h('input', {
          type: 'radio',
          name,
          id,
          value: choice.kind,
          checked: choice.kind === this.#kind,
          'data-testid': `calendar-kind-${choice.kind.toLowerCase()}`,
        });
        radio.addEventListener('change', () => {
          if (!radio.checked) return;
          this.#kind = choice.kind;
          this.#renderList();
        });
        return h('div', { class: 'choice' }, radio, translated(locale, 'label', choice.label, { for: id }));
      }),
    );
    const form = h(
      'form',
      { class: 'calendar-filters', role: 'search' },
      h(
        'div',
        { class: 'field' },
        translated(locale, 'label', 'calendar.filter.text', { for: searchId }),
        translated(locale, 'p', 'calendar.filter.textHint', { id: hintId, class: 'field-hint' }),
        this.#search,
      ),
      kinds,
    );
    form.addEventListener('submit', (event) => event.preventDefault());
    return form;
  }

  #showBack(): void {
    const signedIn = session.status === 'signed-in';
    this.#back.setAttribute('href', hashOf(signedIn ? 'home' : 'landing'));
    setText(locale, this.#back, ref(signedIn ? 'calendar.backHome' : 'calendar.backLanding'));
  }

  async #load(): Promise<void> {
    if (this.#loading) return;
    this.#loading = true;
    this.#alert.clear();
    this.#status.show(ref('calendar.loading'));
    this.#results.setAttribute('aria-busy', 'true');
    try {
      const range = calendarRange(new Date());
      this.#series = await fetchCalendar(api, range.from, range.to);
      this.#status.clear();
      this.#renderList();
    } catch (error) {
      this.#status.clear();
      const problem = problemOf(error);
      this.#alert.show(problemText(problem));
    } finally {
      this.#loading = false;
      this.#results.removeAttribute('aria-busy');
    }
  }

  #renderList(): void {
    const all = this.#series;
    if (all === null) return;
    const shown = filterSeries(all, { text: this.#search.value, kind: this.#kind }, locale.intlLocale);
    const groups = groupByMonth(shown);
    const total = groups.reduce((sum, group) => sum + group.series.length, 0);
    if (all.length === 0) {
      setText(locale, this.#count, ref('calendar.empty'));
    } else if (total === 0) {
      setText(locale, this.#count, ref('calendar.noMatches'));
    } else {
      setText(locale, this.#count, ref(total === 1 ? 'calendar.count.one' : 'calendar.count.many', { count: total }));
    }
    this.#results.replaceChildren(
      ...groups.map((group) => {
        const headingId = uniqueId('calendar-month');
        return h(
          'section',
          { class: 'calendar-month', 'aria-labelledby': headingId },
          h('h2', { id: headingId, class: 'calendar-month-title' }, monthLabel(group.month, locale.intlLocale)),
          h('ul', { class: 'series-list' }, ...group.series.map((series) => this.#item(series))),
        );
      }),
    );
  }

  #item(series: CalendarSeries): HTMLLIElement {
    const first = firstSession(series);
    const audience = series.audienceNote?.trim() ?? '';
    const count = series.sessions.length;
    return h(
      'li',
      { class: 'series-item', 'data-testid': 'series-item' },
      h(
        'h3',
        { class: 'series-item-title' },
        h('a', { href: hashOf(seriesRoute(series.seriesId)), 'data-testid': 'series-link', translate: 'no' }, series.title),
      ),
      audience === '' ? null : h('p', { class: 'series-audience' }, audience),
      seriesTags(series),
      first === undefined
        ? null
        : translated(locale, 'p', ref('calendar.firstSession', { time: sessionTime(first.startsAt, first.endsAt, locale.intlLocale) }), {
            class: 'series-when',
          }),
      translated(locale, 'p', ref(count === 1 ? 'calendar.sessions.one' : 'calendar.sessions.many', { count }), {
        class: 'series-count',
      }),
      calendarLink(series.seriesId),
    );
  }
}

define('tp-calendar-page', CalendarPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-calendar-page': CalendarPage;
  }
}
