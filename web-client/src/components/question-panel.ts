import { formatMessageTime } from '../chat/format.ts';
import { type HostedQuestion, type OwnQuestion, isOpen, waiting } from '../chat/questions.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { isWideScreen } from '../dom/media.ts';
import { h, uniqueId } from '../dom/h.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { dialogTextField, openDialog, textProblem } from './modal-dialog.ts';
import { PanelFeedback } from './panel-feedback.ts';

/** What a host does with an open question, in the order offered. */
type HostAction = 'publish' | 'answer' | 'markAnswered' | 'setAside';

const actionText: Record<HostAction, MessageKey> = {
  publish: 'questions.publish',
  answer: 'questions.answer',
  markAnswered: 'questions.markAnswered',
  setAside: 'questions.setAside',
};

const doneText: Record<HostAction, MessageKey> = {
  publish: 'questions.done.publish',
  answer: 'questions.done.answer',
  markAnswered: 'questions.done.markAnswered',
  setAside: 'questions.done.setAside',
};

function stateTag(key: MessageKey, state: string): HTMLElement {
  return translated(locale, 'span', key, { class: `tag question-state is-${state.toLowerCase()}`, 'data-testid': 'question-state' });
}

function askedAt(question: OwnQuestion): HTMLTimeElement {
  const time = h('time', { class: 'question-time', datetime: question.askedAt });
  time.textContent = formatMessageTime(question.askedAt, locale.intlLocale);
  return time;
}

/**
 * An information session's questions beside the stream, as a side-panel sheet. For its hosts
 * (facilitators, peer supporters): the queue in the order asked, each open question with publish,
 * answer in writing, "answered aloud" and set aside; who asked is one tap away, for moderation
 * only; a question naming a risk is marked. For a participant: their own questions and what
 * became of each, withdrawing one that still waits.
 */
class QuestionPanel extends Component {
  readonly #details = h('details', { class: 'question-panel', 'data-testid': 'question-panel' });
  readonly #wide = h('span', { class: 'label-wide' });
  readonly #short = h('span', { class: 'label-short' });
  /** Read out when it changes: a new question is heard with the sheet folded. */
  readonly #count = h('span', { class: 'mod-attention-count', 'aria-live': 'polite', 'data-testid': 'questions-waiting', hidden: true });
  readonly #feedback = new PanelFeedback('question-feedback');
  readonly #heading = h('h3', { class: 'mod-heading', tabindex: '-1' });
  readonly #empty = translated(locale, 'p', 'questions.waiting.empty', { class: 'field-hint' });
  readonly #list = h('ol', { class: 'mod-list question-list', 'data-testid': 'question-list' });
  /** Answered and set-aside questions, after the open ones (a heading, not a fold: the sheet scrolls). */
  readonly #handled = h('div', { class: 'question-handled' });
  readonly #handledHeading = h('h4', { 'data-testid': 'questions-handled-heading' });
  readonly #handledList = h('ol', { class: 'mod-list question-list', 'data-testid': 'questions-handled' });
  #chat: RoomChat | null = null;
  /** The question whose asker the host chose to see. */
  readonly #shownAskers = new Set<string>();

  protected render(): void {
    this.hidden = true;
    this.#details.open = isWideScreen();
    const headingId = uniqueId('questions');
    this.#heading.id = headingId;
    this.#handled.append(this.#handledHeading, this.#handledList);
    this.#details.append(
      h('summary', { 'data-testid': 'question-panel-toggle' }, this.#wide, this.#short, ' ', this.#count),
      h(
        'div',
        { class: 'mod-panel-body' },
        this.#feedback.element,
        h('section', { class: 'mod-section', 'aria-labelledby': headingId }, this.#heading, this.#empty, this.#list, this.#handled),
      ),
    );
    this.append(this.#details);
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#update(), { signal });
  }

  attach(chat: RoomChat, signal: AbortSignal): void {
    this.#chat = chat;
    chat.on('questions-changed', () => this.#update(), { signal });
    chat.on('room-changed', () => this.#update(), { signal });
    this.#update();
  }

  #update(): void {
    const chat = this.#chat;
    if (chat === null || chat.phase !== 'ready') {
      this.hidden = true;
      return;
    }
    if (chat.hostsQuestions) {
      this.hidden = false;
      this.#renderQueue(chat);
    } else if (chat.asksQuestions) {
      // Folded away until there is something of one's own to follow.
      this.hidden = chat.questions.mine.length === 0;
      this.#renderOwn(chat);
    } else {
      this.hidden = true;
    }
  }

  #label(full: TextRef, short: TextRef): void {
    setText(locale, this.#wide, full);
    setText(locale, this.#short, short);
  }

  #renderQueue(chat: RoomChat): void {
    const all = chat.questions.queue;
    const open = all.filter(isOpen);
    const handled = all.filter((question) => !isOpen(question));
    const count = waiting(all).length;
    this.#label(ref('questions.panel.heading'), ref('questions.panel.short'));
    this.#count.hidden = count === 0;
    setText(locale, this.#count, count === 0 ? null : ref('questions.panel.waiting', { count }));
    setText(locale, this.#heading, ref('questions.waiting.heading', { count: open.length }));
    this.#empty.hidden = open.length > 0;
    this.#list.replaceChildren(...open.map((question) => this.#hostItem(chat, question)));
    this.#handled.hidden = handled.length === 0;
    setText(locale, this.#handledHeading, ref('questions.handled.heading', { count: handled.length }));
    this.#handledList.replaceChildren(...handled.map((question) => this.#hostItem(chat, question)));
  }

  #hostItem(chat: RoomChat, question: HostedQuestion): HTMLLIElement {
    const body = h('p', { class: 'question-body', id: uniqueId('question'), 'data-testid': 'question-body' });
    // The asker's own words: set as text, never parsed as markup.
    body.textContent = question.body;
    const tags = h('p', { class: 'question-meta' }, stateTag(`questions.state.${question.state}`, question.state), ' ', askedAt(question));
    if (question.riskCategories.length > 0) {
      const categories = question.riskCategories.map((category) => locale.first([`mod.category.${category}`]) ?? category);
      tags.append(
        ' ',
        translated(locale, 'span', ref('questions.risk', { categories: categories.join(', ') }), { class: 'message-mark is-flagged' }),
      );
    }
    const item = h(
      'li',
      { class: `mod-item question-item${question.riskCategories.length > 0 ? ' is-flagged' : ''}`, 'data-testid': 'queued-question' },
      body,
      tags,
      this.#asker(question),
    );
    item.dataset['state'] = question.state;
    if (isOpen(question)) {
      const actions: HostAction[] =
        question.state === 'ASKED' ? ['publish', 'answer', 'markAnswered', 'setAside'] : ['answer', 'markAnswered', 'setAside'];
      item.append(
        h(
          'div',
          { class: 'question-actions' },
          ...actions.map((action) => {
            const button = translated(locale, 'button', actionText[action], {
              type: 'button',
              class: action === 'publish' || action === 'answer' ? 'button-secondary button-small' : 'button-quiet button-small',
              'aria-describedby': body.id,
              'data-testid': `question-${action}`,
            });
            button.addEventListener('click', () => void this.#act(chat, question, action, button));
            return button;
          }),
        ),
      );
    }
    return item;
  }

  /** "Who asked?": the name only when the host asks for it, for moderation. */
  #asker(question: HostedQuestion): HTMLElement {
    const name = h('span', { class: 'question-asker', 'data-testid': 'question-asker' });
    const toggle = translated(locale, 'button', 'questions.asker.show', {
      type: 'button',
      class: 'button-link button-small',
      'aria-expanded': 'false',
      'data-testid': 'question-asker-toggle',
    });
    const show = (): void => {
      toggle.hidden = true;
      toggle.setAttribute('aria-expanded', 'true');
      setText(locale, name, ref('questions.asker.name', { name: question.askerName }));
      name.title = locale.t('questions.asker.why');
    };
    toggle.addEventListener('click', () => {
      this.#shownAskers.add(question.id);
      show();
    });
    if (this.#shownAskers.has(question.id)) show();
    return h('p', { class: 'question-who' }, toggle, name);
  }

  async #act(chat: RoomChat, question: HostedQuestion, action: HostAction, button: HTMLButtonElement): Promise<void> {
    if (button.getAttribute('aria-disabled') === 'true') return;
    if (action === 'answer') {
      await this.#answerInWriting(chat, question);
      return;
    }
    button.setAttribute('aria-disabled', 'true');
    try {
      if (action === 'publish') await chat.questions.publish(question.id);
      if (action === 'markAnswered') await chat.questions.answer(question.id, null);
      if (action === 'setAside') await chat.questions.setAside(question.id);
      this.#feedback.done(ref(doneText[action]));
    } catch (error) {
      this.#feedback.failed(error);
    } finally {
      button.removeAttribute('aria-disabled');
    }
    this.#keepFocus();
  }

  /** The answer in a dialog; the question and the answer go into the stream together. */
  async #answerInWriting(chat: RoomChat, question: HostedQuestion): Promise<void> {
    const { field, input } = dialogTextField({
      label: 'questions.answerDialog.label',
      hint: (max) => ref('questions.answerDialog.hint', { max }),
      limit: 'message',
      name: 'answer',
    });
    input.rows = 4;
    const done = await openDialog(this, {
      title: ref('questions.answerDialog.title'),
      intro: ref('questions.answerDialog.intro'),
      quote: question.body,
      fields: [field],
      submit: 'questions.answerDialog.submit',
      validate: () => (input.value.trim() === '' ? ref('questions.answerDialog.empty') : textProblem('message', input.value)),
      run: () => chat.questions.answer(question.id, input.value),
    });
    if (done) {
      this.#feedback.done(ref(doneText.answer));
      this.#keepFocus();
    }
  }

  /** After an action the question may leave the list: focus goes on within it, never to the page. */
  #keepFocus(): void {
    if (this.contains(document.activeElement)) return;
    (this.#list.querySelector<HTMLButtonElement>('.question-actions button') ?? this.#heading).focus();
  }

  #renderOwn(chat: RoomChat): void {
    const mine = chat.questions.mine;
    this.#label(ref('chat.question.own.heading', { count: mine.length }), ref('chat.question.own.short', { count: mine.length }));
    this.#count.hidden = true;
    setText(locale, this.#heading, ref('chat.question.own.heading', { count: mine.length }));
    this.#empty.hidden = true;
    this.#handled.hidden = true;
    this.#list.replaceChildren(
      ...mine.map((question) => {
        const body = h('p', { class: 'question-body', id: uniqueId('question'), 'data-testid': 'question-body' });
        body.textContent = question.body;
        const item = h(
          'li',
          { class: 'mod-item question-item', 'data-testid': 'own-question' },
          body,
          h('p', { class: 'question-meta' }, stateTag(`chat.question.own.state.${question.state}`, question.state), ' ', askedAt(question)),
        );
        item.dataset['state'] = question.state;
        if (question.state === 'ASKED') {
          const withdraw = translated(locale, 'button', 'chat.question.own.withdraw', {
            type: 'button',
            class: 'button-quiet button-small',
            'aria-describedby': body.id,
            'data-testid': 'question-withdraw',
          });
          withdraw.addEventListener('click', () => {
            withdraw.setAttribute('aria-disabled', 'true');
            chat.questions.withdraw(question.id).then(
              () => {
                this.#feedback.done(ref('chat.question.own.withdrawn'));
                this.#heading.focus();
              },
              (error: unknown) => {
                withdraw.removeAttribute('aria-disabled');
                this.#feedback.failed(error);
              },
            );
          });
          item.append(h('div', { class: 'question-actions' }, withdraw));
        }
        return item;
      }),
    );
  }
}

define('tp-question-panel', QuestionPanel);

declare global {
  interface HTMLElementTagNameMap {
    'tp-question-panel': QuestionPanel;
  }
}
