import { MAX_MESSAGE_LENGTH, type RoomChat } from '../chat/room-chat.ts';
import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { type TextRef, ref, setAttributeText, setText, translated } from '../i18n/dom.ts';

/** The counter appears from this many characters on. */
const COUNTER_FROM = MAX_MESSAGE_LENGTH - 400;
/** The text area grows with its text up to this height, then scrolls. */
const MAX_HEIGHT_PX = 200;

/**
 * Writing a message: Enter sends, Shift+Enter starts a new line. Typing tells the others (at
 * most every few seconds); a room that is read-only or archived shows why nothing can be sent.
 */
class ChatComposer extends Component {
  readonly #textarea: HTMLTextAreaElement;
  readonly #send: HTMLButtonElement;
  readonly #counter: HTMLParagraphElement;
  readonly #error: HTMLParagraphElement;
  readonly #blocked: HTMLParagraphElement;
  readonly #form: HTMLFormElement;
  readonly #hintId: string;
  #chat: RoomChat | null = null;

  constructor() {
    super();
    const id = uniqueId('composer');
    const hintId = `${id}-hint`;
    this.#hintId = hintId;
    this.#textarea = h('textarea', {
      id,
      name: 'message',
      rows: 1,
      class: 'composer-input',
      autocomplete: 'off',
      'aria-describedby': hintId,
      disabled: true,
    });
    setAttributeText(locale, this.#textarea, 'placeholder', 'chat.composer.placeholder');
    this.#send = translated(locale, 'button', 'chat.composer.send', {
      type: 'submit',
      class: 'button-primary composer-send',
      'data-testid': 'composer-send',
    });
    this.#send.disabled = true;
    this.#counter = h('p', { class: 'composer-counter', id: `${id}-counter`, hidden: true });
    this.#error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert', hidden: true });
    this.#blocked = h('p', { class: 'composer-blocked note', 'data-testid': 'composer-blocked', hidden: true });
    this.#form = h(
      'form',
      { class: 'composer', 'data-testid': 'composer', novalidate: true },
      this.#blocked,
      h(
        'div',
        { class: 'composer-row' },
        translated(locale, 'label', 'chat.composer.label', { for: id, class: 'visually-hidden' }),
        this.#textarea,
        this.#send,
      ),
      h(
        'div',
        { class: 'composer-foot' },
        translated(locale, 'p', 'chat.composer.hint', { id: hintId, class: 'composer-hint' }),
        this.#counter,
      ),
      this.#error,
    );
  }

  protected render(): void {
    this.append(this.#form);
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submit();
    });
    this.#textarea.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      this.#submit();
    });
    this.#textarea.addEventListener('input', () => {
      this.#fit();
      this.#count();
      if (!this.#error.hidden && this.#problem(this.#textarea.value) === null) this.#showError(null);
      if (this.#textarea.value.trim() !== '') this.#chat?.typed();
    });
  }

  /** Connects the composer to a room until the signal aborts. */
  attach(chat: RoomChat, signal: AbortSignal): void {
    this.#chat = chat;
    chat.on('room-changed', () => this.#sync(), { signal });
    this.#sync();
  }

  focusInput(): void {
    if (!this.#textarea.disabled) this.#textarea.focus();
  }

  #sync(): void {
    const chat = this.#chat;
    const block = chat?.writeBlock ?? null;
    const enabled = chat?.canSend ?? false;
    this.#textarea.disabled = !enabled;
    this.#send.disabled = !enabled;
    this.#blocked.hidden = block === null;
    setText(locale, this.#blocked, block === null ? null : ref(block === 'archived' ? 'chat.archived' : 'chat.readOnly'));
  }

  #submit(): void {
    const chat = this.#chat;
    if (chat === null || !chat.canSend) return;
    const result = chat.send(this.#textarea.value);
    if (result === 'sent') {
      this.#textarea.value = '';
      this.#fit();
      this.#count();
      this.#showError(null);
      this.#textarea.focus();
      return;
    }
    if (result !== 'closed') {
      this.#showError(this.#problem(this.#textarea.value));
      this.#textarea.focus();
    }
  }

  #problem(value: string): TextRef | null {
    const length = value.trim().length;
    if (length === 0) return ref('chat.composer.empty');
    if (length > MAX_MESSAGE_LENGTH) return ref('chat.composer.tooLong', { max: MAX_MESSAGE_LENGTH });
    return null;
  }

  #showError(text: TextRef | null): void {
    setText(locale, this.#error, text);
    this.#error.hidden = text === null;
    this.#describe();
    if (text === null) {
      this.#textarea.removeAttribute('aria-invalid');
    } else {
      this.#textarea.setAttribute('aria-invalid', 'true');
    }
  }

  #count(): void {
    const length = this.#textarea.value.trim().length;
    const show = length >= COUNTER_FROM;
    this.#counter.hidden = !show;
    this.#counter.classList.toggle('is-over', length > MAX_MESSAGE_LENGTH);
    setText(locale, this.#counter, show ? ref('chat.composer.count', { count: length, max: MAX_MESSAGE_LENGTH }) : null);
    this.#describe();
  }

  /** The hint, and the counter and error while shown, describe the text area. */
  #describe(): void {
    const ids = [this.#hintId, this.#counter.hidden ? null : this.#counter.id, this.#error.hidden ? null : this.#error.id];
    this.#textarea.setAttribute('aria-describedby', ids.filter(Boolean).join(' '));
  }

  /** Grows the text area with its content, up to a limit. */
  #fit(): void {
    this.#textarea.style.height = 'auto';
    this.#textarea.style.height = `${Math.min(this.#textarea.scrollHeight + 2, MAX_HEIGHT_PX)}px`;
  }
}

define('tp-chat-composer', ChatComposer);

declare global {
  interface HTMLElementTagNameMap {
    'tp-chat-composer': ChatComposer;
  }
}
