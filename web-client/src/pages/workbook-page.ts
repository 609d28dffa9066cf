import { problemOf } from '../api/problem.ts';
import { type WorkbookEntry, deleteAnswer, fetchWorkbook, saveAnswer } from '../api/workbook.ts';
import { formatFullTime } from '../chat/format.ts';
import { FormAlert } from '../components/form-alert.ts';
import { dialogTextField, openDialog, textProblem } from '../components/modal-dialog.ts';
import { api, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { hashOf } from '../routes.ts';
import { localised } from '../series/calendar.ts';
import { bySeries } from '../workbook/workbook.ts';

/** The language of a text to show: the reader's, else Finnish, else any. */
function shownLanguage(texts: Readonly<Record<string, string>>, language: string): string | null {
  if (texts[language] !== undefined) return language;
  if (texts['fi'] !== undefined) return 'fi';
  return Object.keys(texts)[0] ?? null;
}

/**
 * One's own workbook: the answers one has written to the sessions' exercises, by series and
 * session, each editable and deletable. Nobody else can read them.
 */
class WorkbookPage extends Component {
  readonly #status = new FormAlert('info', 'workbook-status');
  readonly #alert = new FormAlert('error', 'workbook-alert');
  readonly #groups = h('div', { class: 'stack', 'data-testid': 'workbook' });
  #entries: WorkbookEntry[] | null = null;

  protected render(): void {
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'workbook.title', { tabindex: '-1' }),
          translated(locale, 'p', 'workbook.intro', { class: 'lead' }),
          this.#status.element,
          this.#alert.element,
        ),
        this.#groups,
        h('p', { class: 'aside' }, translated(locale, 'a', 'workbook.back', { href: hashOf('home') })),
      ),
    );
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#renderAll(), { signal });
    void this.#load();
  }

  async #load(): Promise<void> {
    if (session.status !== 'signed-in') return;
    this.#status.show(ref('workbook.loading'));
    try {
      this.#entries = await fetchWorkbook(api);
      this.#alert.clear();
      this.#renderAll();
    } catch (error) {
      this.#status.clear();
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  #renderAll(): void {
    const entries = this.#entries;
    if (entries === null) return;
    if (entries.length === 0) this.#status.show(ref('workbook.empty'));
    else this.#status.clear();
    this.#groups.replaceChildren(
      ...bySeries(entries).map((group) => {
        const headingId = uniqueId('workbook-series');
        const heading = h('h2', { id: headingId });
        heading.textContent = group.seriesTitle;
        return h(
          'section',
          { class: 'card', 'aria-labelledby': headingId, 'data-testid': 'workbook-series' },
          heading,
          h('ol', { class: 'workbook-list' }, ...group.entries.map((entry) => this.#item(entry))),
        );
      }),
    );
  }

  #item(entry: WorkbookEntry): HTMLLIElement {
    const headingId = uniqueId('workbook-entry');
    const heading = h('h3', { id: headingId, class: 'workbook-session', 'data-testid': 'workbook-session' });
    setText(
      locale,
      heading,
      ref('workbook.session', { position: entry.position, theme: entry.theme === null ? '' : localised(entry.theme, locale.locale) }),
    );
    const language = shownLanguage(entry.exercise, locale.locale);
    const exercise =
      language === null
        ? null
        : h('p', { class: 'workbook-exercise', lang: language, 'data-testid': 'workbook-exercise' }, entry.exercise[language] ?? '');
    const { field, input } = dialogTextField({
      label: 'workbook.answerLabel',
      hint: (max) => ref('workbook.answerHint', { max }),
      limit: 'workbookAnswer',
      name: `answer-${entry.seriesId}-${entry.position}`,
    });
    input.rows = 4;
    input.value = entry.answer;
    input.setAttribute('data-testid', 'workbook-answer');
    const shared = h('p', { class: 'field-hint', 'data-testid': 'workbook-shared' });
    setText(
      locale,
      shared,
      entry.sharedAt === null ? null : ref('workbook.sharedAt', { time: formatFullTime(entry.sharedAt, locale.intlLocale) }),
    );
    shared.hidden = entry.sharedAt === null;
    const status = new FormAlert('info', 'workbook-entry-status');
    const alert = new FormAlert('error', 'workbook-entry-alert');
    const save = translated(locale, 'button', 'workbook.save', {
      type: 'button',
      class: 'button-secondary button-small',
      'data-testid': 'workbook-save',
    });
    const remove = translated(locale, 'button', 'workbook.delete', {
      type: 'button',
      class: 'button-quiet button-small',
      'data-testid': 'workbook-delete',
    });
    save.addEventListener('click', () => {
      if (save.getAttribute('aria-disabled') === 'true') return;
      status.clear();
      alert.clear();
      const problem = input.value.trim() === '' ? ref('chat.material.writeFirst') : textProblem('workbookAnswer', input.value);
      if (problem !== null) {
        alert.show(problem);
        input.focus();
        return;
      }
      save.setAttribute('aria-disabled', 'true');
      saveAnswer(api, entry.seriesId, entry.position, input.value)
        .then((saved) => {
          input.value = saved.answer;
          this.#replace(saved);
          status.show(ref('workbook.saved'));
        })
        .catch((error: unknown) => alert.show(problemText(problemOf(error))))
        .finally(() => save.removeAttribute('aria-disabled'));
    });
    remove.addEventListener('click', () => void this.#delete(entry));
    return h(
      'li',
      { class: 'workbook-item', 'aria-labelledby': headingId, 'data-testid': 'workbook-entry' },
      heading,
      exercise,
      field,
      shared,
      status.element,
      alert.element,
      h('div', { class: 'actions' }, save, remove),
    );
  }

  /** Keeps the list in step with a saved answer without drawing it again (focus stays). */
  #replace(saved: WorkbookEntry): void {
    this.#entries = (this.#entries ?? []).map((entry) =>
      entry.seriesId === saved.seriesId && entry.position === saved.position ? saved : entry,
    );
  }

  async #delete(shown: WorkbookEntry): Promise<void> {
    // The answer as it is now (it may have been saved since the item was drawn).
    const entry = this.#entries?.find((other) => other.seriesId === shown.seriesId && other.position === shown.position) ?? shown;
    const deleted = await openDialog(this, {
      title: ref('workbook.deleteTitle'),
      intro: ref('workbook.deleteIntro'),
      quote: entry.answer,
      submit: 'workbook.delete',
      danger: true,
      run: () => deleteAnswer(api, entry.seriesId, entry.position),
    });
    if (!deleted) return;
    this.#entries = (this.#entries ?? []).filter((other) => !(other.seriesId === entry.seriesId && other.position === entry.position));
    this.#renderAll();
    this.#status.show(ref('workbook.deleted'));
    this.querySelector<HTMLElement>('h1')?.focus();
  }
}

define('tp-workbook-page', WorkbookPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-workbook-page': WorkbookPage;
  }
}
