import { type SignedAnswer, fetchSignedAnswers } from '../api/feedback.ts';
import { problemOf } from '../api/problem.ts';
import { api, locale } from '../context.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, ref, translated } from '../i18n/dom.ts';
import { FormAlert } from './form-alert.ts';

function answerItem(answer: SignedAnswer): HTMLLIElement {
  const parts: [TextRef, string][] = [
    [ref('report.helpedHeading'), answer.helped],
    [ref('report.betterHeading'), answer.better],
    [ref('report.freeTextsHeading'), answer.freeText],
  ];
  return h(
    'li',
    { class: 'signed-answer', 'data-testid': 'signed-answer' },
    h(
      'p',
      { class: 'signed-name' },
      h('strong', {}, answer.displayName),
      ' · ',
      translated(locale, 'span', ref('report.signedRating', { rating: answer.rating })),
    ),
    h(
      'dl',
      { class: 'series-facts' },
      ...parts.filter(([, text]) => text.trim() !== '').flatMap(([term, text]) => [translated(locale, 'dt', term), h('dd', {}, text)]),
    ),
  );
}

/**
 * The answers to one session that their writers chose to sign, behind a button: fetched when first
 * opened, since they are the only place a report shows names.
 */
export class SignedAnswers {
  readonly element: HTMLDivElement;
  readonly #toggle: HTMLButtonElement;
  readonly #region: HTMLDivElement;
  readonly #list = h('ul', { class: 'signed-list' });
  readonly #none = translated(locale, 'p', 'report.signedNone', { class: 'note', hidden: '' });
  readonly #alert = new FormAlert('error', 'signed-alert');
  readonly #seriesId: string;
  readonly #sessionId: string;
  #loaded = false;

  constructor(seriesId: string, sessionId: string) {
    this.#seriesId = seriesId;
    this.#sessionId = sessionId;
    const regionId = uniqueId('signed');
    const headingId = `${regionId}-heading`;
    this.#toggle = translated(locale, 'button', 'report.signedShow', {
      type: 'button',
      class: 'button-quiet button-small',
      'aria-expanded': 'false',
      'aria-controls': regionId,
      'data-testid': 'signed-toggle',
    });
    this.#region = h(
      'div',
      {
        id: regionId,
        class: 'signed-answers',
        role: 'region',
        'aria-labelledby': headingId,
        hidden: true,
        'data-testid': 'signed-answers',
      },
      translated(locale, 'h4', 'report.signedHeading', { id: headingId }),
      translated(locale, 'p', 'report.signedIntro', { class: 'field-hint' }),
      this.#alert.element,
      this.#none,
      this.#list,
    );
    this.#toggle.addEventListener('click', () => void this.#flip());
    this.element = h('div', {}, this.#toggle, this.#region);
  }

  async #flip(): Promise<void> {
    const open = this.#region.hidden;
    this.#region.hidden = !open;
    this.#toggle.setAttribute('aria-expanded', String(open));
    if (open && !this.#loaded) await this.#load();
  }

  async #load(): Promise<void> {
    this.#region.setAttribute('aria-busy', 'true');
    try {
      const answers = await fetchSignedAnswers(api, this.#seriesId, this.#sessionId);
      this.#loaded = true;
      this.#alert.clear();
      this.#none.hidden = answers.length > 0;
      this.#list.replaceChildren(...answers.map(answerItem));
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    } finally {
      this.#region.removeAttribute('aria-busy');
    }
  }
}
