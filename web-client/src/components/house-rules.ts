import { inLanguage } from '../api/rooms.ts';
import { problemOf } from '../api/problem.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { FormAlert } from './form-alert.ts';

/**
 * The group's house rules, in place of the composer until the person accepts them: once per
 * series or closed group, once a day in open chats (the server says which). Reading needs no
 * acceptance; writing does.
 */
class HouseRules extends Component {
  readonly #section = h('section', { class: 'house-rules', 'data-testid': 'house-rules', hidden: true });
  readonly #lead = h('p', { class: 'house-rules-lead' });
  readonly #text = h('p', { class: 'house-rules-text', 'data-testid': 'house-rules-text', tabindex: '0' });
  readonly #accept = translated(locale, 'button', 'chat.rules.accept', {
    type: 'button',
    class: 'button-primary',
    'data-testid': 'house-rules-accept',
  });
  readonly #alert = new FormAlert('error', 'house-rules-alert');
  #chat: RoomChat | null = null;
  /** Called once the rules are accepted, to move on to writing. */
  onAccepted: () => void = () => undefined;

  protected render(): void {
    const headingId = uniqueId('house-rules');
    this.#section.setAttribute('aria-labelledby', headingId);
    this.#text.setAttribute('aria-labelledby', headingId);
    this.#section.append(
      translated(locale, 'h2', 'chat.rules.heading', { id: headingId, class: 'house-rules-heading' }),
      this.#lead,
      this.#text,
      this.#alert.element,
      h('div', { class: 'actions' }, this.#accept),
    );
    this.append(this.#section);
    this.#accept.addEventListener('click', () => void this.#acceptRules());
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.update(), { signal });
  }

  /** Follows the room's guide. */
  attach(chat: RoomChat): void {
    this.#chat = chat;
    this.update();
  }

  /** Whether the rules are shown now (they are due and the room may be written in). */
  get shown(): boolean {
    return !this.#section.hidden;
  }

  update(): void {
    const chat = this.#chat;
    const due = chat !== null && chat.rulesDue && chat.writeBlock === null;
    this.#section.hidden = !due;
    if (!due || chat.guide === null) return;
    // The rules are the organisation's own text: set as text, never as markup.
    this.#text.textContent = inLanguage(chat.guide.houseRules, locale.locale) ?? '';
    setText(
      locale,
      this.#lead,
      ref(
        chat.guide.rulesChanged === true
          ? 'chat.rules.leadChanged'
          : chat.guide.acceptance === 'DAY'
            ? 'chat.rules.leadDay'
            : 'chat.rules.leadGroup',
      ),
    );
  }

  async #acceptRules(): Promise<void> {
    const chat = this.#chat;
    if (chat === null || this.#accept.getAttribute('aria-disabled') === 'true') return;
    this.#accept.setAttribute('aria-disabled', 'true');
    this.#alert.clear();
    try {
      await chat.acceptRules();
      this.onAccepted();
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    } finally {
      this.#accept.removeAttribute('aria-disabled');
    }
  }
}

define('tp-house-rules', HouseRules);

declare global {
  interface HTMLElementTagNameMap {
    'tp-house-rules': HouseRules;
  }
}
