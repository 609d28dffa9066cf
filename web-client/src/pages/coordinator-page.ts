import { type ProgrammeTemplate, type SeriesOverview, fetchOverview, listTemplates } from '../api/coordination.ts';
import { problemOf } from '../api/problem.ts';
import { FormAlert } from '../components/form-alert.ts';
import { decisionText, fillStatus, minimumText, seatsText, waitlistText } from '../coordination/fill.ts';
import { api, locale } from '../context.ts';
import '../components/appeals-review.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, translated } from '../i18n/dom.ts';
import { coordinatorSeriesRoute, hashOf, templateEditorRoute } from '../routes.ts';
import { helsinkiDate, localised } from '../series/calendar.ts';
import { startTime } from '../coordination/fill.ts';

/** For coordinators: every current series with how full it is, and the programme templates. */
class CoordinatorPage extends Component {
  readonly #series = h('ul', { class: 'overview-list', 'data-testid': 'series-overview' });
  readonly #templates = h('ul', { class: 'template-list', 'data-testid': 'template-list' });
  readonly #status = new FormAlert('info', 'overview-status');
  readonly #alert = new FormAlert('error', 'overview-alert');
  #overview: SeriesOverview[] = [];
  #templateList: ProgrammeTemplate[] = [];

  protected render(): void {
    const seriesHeading = uniqueId('overview-heading');
    const templatesHeading = uniqueId('templates-heading');
    const reload = translated(locale, 'button', 'coordinator.reload', { type: 'button', class: 'button-quiet' });
    reload.addEventListener('click', () => void this.#load());
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'coordinator.title', { tabindex: '-1' }),
          translated(locale, 'p', 'coordinator.intro', { class: 'lead' }),
          h(
            'p',
            { class: 'actions' },
            translated(locale, 'a', 'coordinator.planLink', {
              href: hashOf('planSeries'),
              class: 'button-link',
              'data-testid': 'plan-link',
            }),
            ' ',
            translated(locale, 'a', 'coordinator.auditLink', { href: hashOf('audit'), class: 'button-link', 'data-testid': 'audit-link' }),
            ' ',
            translated(locale, 'a', 'coordinator.reportsLink', {
              href: hashOf('reports'),
              class: 'button-link',
              'data-testid': 'coordinator-reports-link',
            }),
          ),
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': seriesHeading },
          translated(locale, 'h2', 'coordinator.seriesHeading', { id: seriesHeading }),
          this.#status.element,
          this.#alert.element,
          this.#series,
          h('div', { class: 'actions' }, reload),
        ),
        h('tp-appeals-review'),
        h(
          'section',
          { class: 'card', 'aria-labelledby': templatesHeading },
          translated(locale, 'h2', 'coordinator.templatesHeading', { id: templatesHeading }),
          translated(locale, 'p', 'coordinator.templatesIntro', { class: 'field-hint' }),
          this.#templates,
        ),
        h('p', { class: 'aside' }, translated(locale, 'a', 'coordinator.back', { href: hashOf('home') })),
      ),
    );
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#renderAll(), { signal });
    void this.#load();
  }

  async #load(): Promise<void> {
    this.#alert.clear();
    this.#status.show(ref('coordinator.loading'));
    try {
      const [overview, templates] = await Promise.all([fetchOverview(api), listTemplates(api)]);
      this.#overview = overview;
      this.#templateList = templates;
      this.#status.clear();
      if (overview.length === 0) this.#status.show(ref('coordinator.noSeries'));
      this.#renderAll();
    } catch (error) {
      this.#status.clear();
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  #renderAll(): void {
    const today = helsinkiDate(new Date());
    const intl = locale.intlLocale;
    this.#series.replaceChildren(
      ...this.#overview.map((line) => {
        const status = fillStatus(line);
        const meter = h('meter', {
          min: 0,
          max: line.capacity,
          low: line.minParticipants,
          optimum: line.capacity,
          value: line.enrolled,
          'aria-hidden': 'true',
        });
        return h(
          'li',
          { class: `overview-item fill-${status}`, 'data-testid': 'overview-item' },
          h('h3', { class: 'overview-title' }, h('a', { href: hashOf(coordinatorSeriesRoute(line.id)), translate: 'no' }, line.title)),
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
          h(
            'dl',
            { class: 'series-facts fill-facts' },
            translated(locale, 'dt', 'coordinator.fill.seatsTerm'),
            h('dd', {}, translated(locale, 'span', seatsText(line), { 'data-testid': 'fill-seats' }), ' ', meter),
            translated(locale, 'dt', 'coordinator.fill.minimumTerm'),
            translated(locale, 'dd', minimumText(line)),
            translated(locale, 'dt', 'coordinator.fill.waitlistTerm'),
            translated(locale, 'dd', waitlistText(line.waitlisted)),
            translated(locale, 'dt', 'coordinator.fill.decisionTerm'),
            translated(
              locale,
              'dd',
              line.state === 'PLANNED' ? decisionText(line.decisionDate, today, intl) : `series.state.${line.state}`,
            ),
          ),
        );
      }),
    );
    const language = locale.locale;
    this.#templates.replaceChildren(
      ...this.#templateList.map((template) =>
        h(
          'li',
          { class: 'template-item' },
          h('span', { class: 'template-name' }, localised(template.title, language)),
          ' ',
          translated(locale, 'span', ref('coordinator.templateThemes', { count: template.sessions.length }), { class: 'field-hint' }),
          ' ',
          translated(locale, 'a', ref('coordinator.editTemplate', { title: localised(template.title, language) }), {
            href: hashOf(templateEditorRoute(template.id)),
            class: 'button-link button-small',
          }),
        ),
      ),
    );
  }
}

define('tp-coordinator-page', CoordinatorPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-coordinator-page': CoordinatorPage;
  }
}
