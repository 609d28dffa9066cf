import type { SeriesOverview } from '../api/coordination.ts';
import { fetchReportable } from '../api/feedback.ts';
import { problemOf } from '../api/problem.ts';
import { FormAlert } from '../components/form-alert.ts';
import { startTime } from '../coordination/fill.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { fillText } from '../feedback/report-figures.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, translated } from '../i18n/dom.ts';
import { hashOf, reportRoute } from '../routes.ts';

/** The series whose outcome reports the person may read: all for coordinators, their own for facilitators. */
class ReportsPage extends Component {
  readonly #list = h('ul', { class: 'overview-list', 'data-testid': 'report-list' });
  readonly #status = new FormAlert('info', 'reports-status');
  readonly #alert = new FormAlert('error', 'reports-alert');
  #series: SeriesOverview[] = [];

  protected render(): void {
    const reload = translated(locale, 'button', 'reports.reload', { type: 'button', class: 'button-quiet' });
    reload.addEventListener('click', () => void this.#load());
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'reports.title', { tabindex: '-1' }),
          translated(locale, 'p', 'reports.intro', { class: 'lead' }),
          this.#status.element,
          this.#alert.element,
          this.#list,
          h('div', { class: 'actions' }, reload),
        ),
        h('p', { class: 'aside' }, translated(locale, 'a', 'reports.back', { href: hashOf('home') })),
      ),
    );
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#renderList(), { signal });
    void this.#load();
  }

  async #load(): Promise<void> {
    this.#alert.clear();
    this.#status.show(ref('reports.loading'));
    try {
      this.#series = await fetchReportable(api);
      if (this.#series.length === 0) this.#status.show(ref('reports.empty'));
      else this.#status.clear();
      this.#renderList();
    } catch (error) {
      this.#status.clear();
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  #renderList(): void {
    const intl = locale.intlLocale;
    this.#list.replaceChildren(
      ...this.#series.map((line) =>
        h(
          'li',
          { class: 'overview-item', 'data-testid': 'report-item' },
          h('h2', { class: 'overview-title' }, h('a', { href: hashOf(reportRoute(line.id)) }, line.title)),
          h(
            'p',
            { class: 'series-tags' },
            translated(locale, 'span', `series.kind.${line.kind}`, { class: 'tag' }),
            ' ',
            translated(locale, 'span', `series.state.${line.state}`, { class: 'tag tag-state' }),
          ),
          line.firstStartsAt === null
            ? null
            : translated(locale, 'p', ref('calendar.firstSession', { time: startTime(line.firstStartsAt, intl) }), {
                class: 'session-time',
              }),
          translated(locale, 'p', fillText({ ...line, fillRate: line.capacity > 0 ? line.enrolled / line.capacity : null }, intl), {
            class: 'field-hint',
          }),
        ),
      ),
    );
  }
}

define('tp-reports-page', ReportsPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-reports-page': ReportsPage;
  }
}
