import { type AppealForReview, answerAppeal, fetchOpenAppeals } from '../api/appeals.ts';
import { problemOf } from '../api/problem.ts';
import { formatMessageTime } from '../chat/format.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { FormAlert } from './form-alert.ts';
import { dialogTextField, openDialog, textProblem } from './modal-dialog.ts';
import { quoteBlock } from '../dom/quote.ts';

/**
 * Appeals of mutes and bans waiting for a coordinator, oldest first: who, which room, the reason
 * given for the restriction and the person's own words; answered once, lifting the restriction or
 * keeping it. The person is told either way.
 */
class AppealsReview extends Component {
  readonly #list = h('ul', { class: 'overview-list', 'data-testid': 'appeals' });
  readonly #empty = translated(locale, 'p', 'appeals.none', { class: 'note' });
  readonly #alert = new FormAlert('error', 'appeals-alert');

  protected render(): void {
    const headingId = uniqueId('appeals');
    this.append(
      h(
        'section',
        { class: 'card', 'aria-labelledby': headingId, 'data-testid': 'appeals-review' },
        translated(locale, 'h2', 'appeals.heading', { id: headingId, tabindex: '-1' }),
        this.#alert.element,
        this.#empty,
        this.#list,
      ),
    );
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.#show(await fetchOpenAppeals(api));
      this.#alert.clear();
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  #show(appeals: readonly AppealForReview[]): void {
    this.#empty.hidden = appeals.length > 0;
    this.#list.replaceChildren(
      ...appeals.map((item) => {
        const what = h('p', { class: 'appeal-what' });
        setText(
          locale,
          what,
          ref(item.sanction.kind === 'BAN' ? 'appeals.ban' : 'appeals.mute', {
            name: item.displayName,
            room: item.sanction.roomTitle,
            time: formatMessageTime(item.createdAt, locale.intlLocale),
          }),
        );
        // The person's own words: set as text, never as markup.
        const words = quoteBlock(item.text, { testId: 'appeal-text' });
        const reason = h('p', { class: 'field-hint' });
        setText(
          locale,
          reason,
          item.sanction.reason === '' ? ref('appeals.noReason') : ref('appeals.reason', { reason: item.sanction.reason }),
        );
        const answer = translated(locale, 'button', 'appeals.answer', {
          type: 'button',
          class: 'button-secondary',
          'data-testid': 'appeal-answer',
        });
        answer.addEventListener('click', () => void this.#answer(item));
        return h('li', { class: 'overview-item', 'data-testid': 'appeal' }, what, words, reason, h('div', { class: 'actions' }, answer));
      }),
    );
  }

  async #answer(item: AppealForReview): Promise<void> {
    const { field, input } = dialogTextField({
      label: 'appeals.answerLabel',
      hint: (max) => ref('appeal.hint', { max }),
      limit: 'appealAnswer',
      name: 'answer',
    });
    const liftId = uniqueId('appeal-lift');
    const lift = h('input', { type: 'checkbox', id: liftId, 'data-testid': 'appeal-lift' });
    const liftField = h(
      'div',
      { class: 'check' },
      lift,
      translated(locale, 'label', item.sanction.kind === 'BAN' ? 'appeals.liftBan' : 'appeals.liftMute', { for: liftId }),
    );
    const done = await openDialog(this, {
      title: ref('appeals.answerTitle', { name: item.displayName }),
      quote: item.text,
      fields: [field, liftField],
      submit: 'appeals.send',
      validate: () => (input.value.trim() === '' ? ref('appeals.answerEmpty') : textProblem('appealAnswer', input.value)),
      run: async () => {
        await answerAppeal(api, item.id, input.value, lift.checked);
      },
    });
    if (done) {
      await this.#load();
      // The answered appeal left the list: focus goes on to the next one, or to the heading.
      (this.querySelector<HTMLElement>('[data-testid=appeal-answer]') ?? this.querySelector<HTMLElement>('h2'))?.focus();
    }
  }
}

define('tp-appeals-review', AppealsReview);

declare global {
  interface HTMLElementTagNameMap {
    'tp-appeals-review': AppealsReview;
  }
}
