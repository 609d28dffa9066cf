import {
  type CsvFormat,
  type OutcomeReport,
  type ReportFeedback,
  type ReportItemChange,
  type ReportSession,
  downloadReportCsv,
  fetchReport,
} from '../api/feedback.ts';
import { type Problem, problemOf } from '../api/problem.ts';
import { barChart } from '../components/bar-chart.ts';
import { FormAlert } from '../components/form-alert.ts';
import { SignedAnswers } from '../components/signed-answers.ts';
import { startTime } from '../coordination/fill.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { saveFile } from '../dom/save-file.ts';
import { themeOf } from '../feedback/feedback-form.ts';
import {
  attendanceScale,
  barWidth,
  feedbackSummary,
  fillText,
  isShown,
  ratingBars,
  scalePosition,
  scoresText,
} from '../feedback/report-figures.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { hashOf } from '../routes.ts';
import { localised } from '../series/calendar.ts';

type Heading = 'h2' | 'h3' | 'h4';

/** Whether a session has been (or is being) held, so that it has attendance and feedback to show. */
function held(session: ReportSession): boolean {
  return session.state === 'LOBBY' || session.state === 'LIVE' || session.state === 'ENDED';
}

function toProblem(error: unknown): Problem {
  return problemOf(error);
}

function card(headingKey: MessageKey, testId: string, ...children: (Node | null)[]): HTMLElement {
  const id = uniqueId('report-part');
  return h(
    'section',
    { class: 'card', 'aria-labelledby': id, 'data-testid': testId },
    translated(locale, 'h2', headingKey, { id }),
    ...children,
  );
}

function facts(rows: [MessageKey, TextRef | string, string][]): HTMLDListElement {
  return h(
    'dl',
    { class: 'series-facts report-facts' },
    ...rows.flatMap(([term, value, testId]) => [
      translated(locale, 'dt', term),
      typeof value === 'string' ? h('dd', { 'data-testid': testId }, value) : translated(locale, 'dd', value, { 'data-testid': testId }),
    ]),
  );
}

/** Written answers under a heading, without names; nothing when there are none. */
function textList(level: Heading, heading: MessageKey, texts: readonly string[] | null | undefined): HTMLElement | null {
  if (!texts || texts.length === 0) return null;
  const id = uniqueId('report-texts');
  return h(
    'div',
    { class: 'report-texts' },
    translated(locale, level, heading, { id }),
    h('ul', { class: 'text-answers', 'aria-labelledby': id }, ...texts.map((text) => h('li', {}, text))),
  );
}

/**
 * Feedback: the one-line summary, and once enough have answered the rating distribution and the
 * written answers; before that only how many have answered.
 */
function feedbackBlock(feedback: ReportFeedback, minAnswers: number, level: Heading, testId: string): HTMLElement {
  const summary = translated(locale, 'p', feedbackSummary(feedback, minAnswers, locale.intlLocale), {
    class: feedback.withheld && feedback.answers > 0 ? 'report-summary is-withheld' : 'report-summary',
    'data-testid': `${testId}-summary`,
  });
  return h('div', { class: 'report-feedback' }, summary, feedbackFigures(feedback, level, testId));
}

/** The distribution and the written answers, once enough have answered; nothing before. */
function feedbackFigures(feedback: ReportFeedback, level: Heading, testId: string): HTMLElement | null {
  if (!isShown(feedback)) return null;
  const distributionId = uniqueId('distribution');
  const texts = [
    textList(level, 'report.helpedHeading', feedback.helped),
    textList(level, 'report.betterHeading', feedback.better),
    textList(level, 'report.freeTextsHeading', feedback.freeTexts),
  ].filter((block): block is HTMLElement => block !== null);
  return h(
    'div',
    { class: 'report-figures' },
    translated(locale, level, 'report.distribution', { id: distributionId }),
    barChart(
      ratingBars(feedback.ratingCounts).map((bar) => ({
        label: ref(`feedback.rating.${bar.rating}` as MessageKey),
        value: ref('report.ratingValue', { count: bar.count, percent: bar.percent }),
        width: bar.width,
      })),
      { 'aria-labelledby': distributionId, 'data-testid': `${testId}-distribution` },
    ),
    texts.length === 0
      ? translated(locale, 'p', 'report.noTexts', { class: 'field-hint' })
      : translated(locale, 'p', 'report.textsNote', { class: 'field-hint' }),
    ...texts,
  );
}

/**
 * The outcome report of one series for its coordinators and facilitators: fill and attendance,
 * feedback per session and for the whole series, and the self-assessment at the start and the end,
 * each aggregate withheld until enough have answered; a CSV of the figures, and the answers their
 * writers signed.
 */
class ReportPage extends Component {
  readonly #title = h('h1', { tabindex: '-1', 'data-testid': 'report-title' });
  readonly #tags = h('p', { class: 'series-tags' });
  readonly #status = new FormAlert('info', 'report-status');
  readonly #alert = new FormAlert('error', 'report-alert');
  readonly #body = h('div', { class: 'report-body', hidden: true, 'data-testid': 'report-body' });
  /** Kept across re-rendering (a new language), so names already fetched need no new request. */
  readonly #signed = new Map<string, SignedAnswers>();
  #report: OutcomeReport | null = null;
  #loading = false;

  protected render(): void {
    setText(locale, this.#title, ref('report.heading'));
    const download = translated(locale, 'button', 'report.downloadCsv', {
      type: 'button',
      class: 'button-secondary',
      'data-testid': 'report-csv',
    });
    download.addEventListener('click', () => void this.#download(download, 'csv'));
    const excel = translated(locale, 'button', 'report.downloadExcelCsv', {
      type: 'button',
      class: 'button-secondary',
      'data-testid': 'report-csv-excel-fi',
    });
    excel.addEventListener('click', () => void this.#download(excel, 'excel-fi'));
    const reload = translated(locale, 'button', 'report.reload', { type: 'button', class: 'button-quiet', 'data-testid': 'report-reload' });
    reload.addEventListener('click', () => void this.#load());
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          h('p', { class: 'chat-back' }, translated(locale, 'a', 'report.backToList', { href: hashOf('reports') })),
          this.#title,
          this.#tags,
          this.#status.element,
          this.#alert.element,
          h('div', { class: 'actions' }, download, excel, reload),
          translated(locale, 'p', 'report.csvHint', { class: 'field-hint' }),
        ),
        this.#body,
      ),
    );
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#renderAll(), { signal });
    void this.#load();
  }

  get #seriesId(): string {
    return this.dataset['seriesId'] ?? '';
  }

  async #load(): Promise<void> {
    if (this.#loading) return;
    this.#loading = true;
    this.#alert.clear();
    this.#status.show(ref('report.loading'));
    this.#body.setAttribute('aria-busy', 'true');
    try {
      this.#report = await fetchReport(api, this.#seriesId);
      // Names may have been signed since: fetched again when asked for.
      this.#signed.clear();
      this.#status.clear();
      this.#renderAll();
      this.#body.hidden = false;
    } catch (error) {
      this.#status.clear();
      this.#alert.show(problemText(toProblem(error)));
    } finally {
      this.#loading = false;
      this.#body.removeAttribute('aria-busy');
    }
  }

  async #download(button: HTMLButtonElement, format: CsvFormat): Promise<void> {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    this.#alert.clear();
    try {
      const suffix = format === 'csv' ? '' : `-${format}`;
      saveFile(await downloadReportCsv(api, this.#seriesId, format), `tukipiiri-report-${this.#seriesId}${suffix}.csv`);
    } catch (error) {
      this.#alert.show(problemText(toProblem(error)));
    } finally {
      button.removeAttribute('aria-disabled');
    }
  }

  #renderAll(): void {
    const report = this.#report;
    if (report === null) return;
    setText(locale, this.#title, null);
    this.#title.textContent = report.title;
    this.#tags.replaceChildren(
      translated(locale, 'span', `series.kind.${report.kind}`, { class: 'tag' }),
      ' ',
      translated(locale, 'span', `series.state.${report.state}`, { class: 'tag tag-state' }),
    );
    const parts = [
      this.#participation(report),
      this.#attendance(report),
      card('report.feedbackHeading', 'series-feedback', feedbackBlock(report.feedback, report.minAnswers, 'h3', 'series-feedback')),
      this.#sessions(report),
    ];
    if (report.kind === 'CLOSED' && report.selfAssessment.length > 0) parts.push(this.#selfAssessment(report));
    this.#body.replaceChildren(...parts);
  }

  #participation(report: OutcomeReport): HTMLElement {
    const closed = report.capacity > 0;
    const rows: [MessageKey, TextRef | string, string][] = [['report.fillTerm', fillText(report, locale.intlLocale), 'report-fill']];
    if (closed) {
      rows.push(
        ['report.minimumTerm', String(report.minParticipants), 'report-minimum'],
        ['report.waitlistTerm', String(report.waitlisted), 'report-waitlisted'],
      );
    }
    rows.push(['report.attendedAnyTerm', String(report.attendedAny), 'report-attended-any']);
    if (closed) rows.push(['report.dropOutTerm', String(report.dropOut), 'report-drop-out']);
    return card(
      'report.participationHeading',
      'report-participation',
      facts(rows),
      closed ? translated(locale, 'p', 'report.dropOutHint', { class: 'field-hint' }) : null,
    );
  }

  #attendance(report: OutcomeReport): HTMLElement {
    const scale = attendanceScale(report);
    const closed = report.capacity > 0;
    const language = locale.locale;
    return card(
      'report.attendanceHeading',
      'report-attendance',
      translated(locale, 'p', 'report.attendanceIntro', { class: 'field-hint' }),
      barChart(
        this.#ordered(report.sessions).map((session) => {
          const label = ref('report.attendanceLabel', { position: session.position, theme: themeOf(session, language) });
          if (!held(session)) {
            return { label, value: ref(`series.sessionState.${session.state}` as MessageKey), width: null };
          }
          return {
            label,
            value: closed
              ? ref('report.attendedOf', { attended: session.attended, of: report.enrolled })
              : ref('report.attended', { attended: session.attended }),
            width: barWidth(session.attended, scale),
          };
        }),
        { 'data-testid': 'attendance-chart' },
      ),
    );
  }

  #sessions(report: OutcomeReport): HTMLElement {
    const language = locale.locale;
    const intl = locale.intlLocale;
    return card(
      'report.sessionsHeading',
      'report-sessions',
      h(
        'ol',
        { class: 'session-list report-sessions' },
        ...this.#ordered(report.sessions).map((session) => {
          const shown = isShown(session.feedback);
          return h(
            'li',
            {
              class: `session-item session-${session.state.toLowerCase()}`,
              'data-testid': 'report-session',
              'data-position': session.position,
            },
            h(
              'h3',
              { class: 'session-title' },
              translated(locale, 'span', ref('series.sessions.number', { position: session.position }), { class: 'session-number' }),
              ' ',
              themeOf(session, language),
            ),
            h('p', { class: 'session-time' }, startTime(session.startsAt, intl)),
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
            held(session)
              ? facts([
                  ['report.attendedTerm', String(session.attended), 'session-attended'],
                  ['report.feedbackTerm', feedbackSummary(session.feedback, report.minAnswers, intl), 'session-feedback-summary'],
                ])
              : null,
            shown
              ? h(
                  'details',
                  { class: 'report-details' },
                  translated(locale, 'summary', 'report.showAnswers'),
                  feedbackFigures(session.feedback, 'h4', 'session-feedback'),
                )
              : null,
            session.feedback.answers > 0 ? this.#signedFor(report, session).element : null,
          );
        }),
      ),
    );
  }

  #signedFor(report: OutcomeReport, session: ReportSession): SignedAnswers {
    let signed = this.#signed.get(session.sessionId);
    if (signed === undefined) {
      signed = new SignedAnswers(report.seriesId, session.sessionId);
      this.#signed.set(session.sessionId, signed);
    }
    return signed;
  }

  #selfAssessment(report: OutcomeReport): HTMLElement {
    const intl = locale.intlLocale;
    return card(
      'report.selfHeading',
      'report-self-assessment',
      translated(locale, 'p', 'report.selfIntro', { class: 'field-hint' }),
      h('ul', { class: 'self-assessment-report' }, ...report.selfAssessment.map((item) => this.#item(item, report.minAnswers, intl))),
    );
  }

  #item(item: ReportItemChange, minAnswers: number, intl: string): HTMLLIElement {
    const headingId = uniqueId('report-item');
    const width = (scores: ReportItemChange['first']) =>
      scores.withheld || typeof scores.average !== 'number' ? null : scalePosition(scores.average, item.min, item.max);
    return h(
      'li',
      { class: 'report-item', 'data-testid': 'assessment-item', 'data-item': item.key },
      h('h3', { id: headingId }, localised(item.text, locale.locale)),
      translated(locale, 'p', ref('report.scale', { min: item.min, max: item.max }), { class: 'field-hint' }),
      barChart(
        [
          { label: ref('report.first'), value: scoresText(item.first, minAnswers, intl), width: width(item.first), tone: 'first' },
          { label: ref('report.last'), value: scoresText(item.last, minAnswers, intl), width: width(item.last), tone: 'last' },
        ],
        { 'aria-labelledby': headingId },
      ),
      h(
        'p',
        { class: 'report-change' },
        translated(locale, 'span', 'report.change', { class: 'report-change-term' }),
        ' ',
        translated(locale, 'span', scoresText(item.change, minAnswers, intl, true), { 'data-testid': 'report-change' }),
      ),
    );
  }

  #ordered(sessions: readonly ReportSession[]): ReportSession[] {
    return [...sessions].sort((a, b) => a.position - b.position);
  }
}

define('tp-report-page', ReportPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-report-page': ReportPage;
  }
}
