import { problemOf } from '../api/problem.ts';
import { contentNoteAfterSend } from '../chat/content-note.ts';
import { formatMessageTime } from '../chat/format.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, ref, setAttributeText, setText, translated } from '../i18n/dom.ts';
import { LimitsChangedEvent, textLimits } from '../text/text-limits.ts';
import { codePoints } from '../text/text-policy.ts';
import { type PersonalDetail, findPersonalDetails } from '../safety/personal-details.ts';
import { crisisNumbers } from './help-panel.ts';
import { openDialog } from './modal-dialog.ts';
import './appeal-button.ts';
import './floor-bar.ts';
import './house-rules.ts';
import { formatList } from '../i18n/formats.ts';

/** Numbers anyone may share, digits only: the crisis lines are not personal details. */
const publicNumbers = crisisNumbers();

/** The counter appears this many characters before the server's limit. */
const COUNTER_BEFORE_LIMIT = 400;
/** The text area grows with its text up to this height, then scrolls. */
const MAX_HEIGHT_PX = 200;
/** A wait (slow mode, flood limit) is counted down in steps of this. */
const COUNTDOWN_MS = 1000;

/**
 * Writing a message: Enter sends, Shift+Enter starts a new line. "Sisältövaroitus" (a toggle,
 * `aria-pressed`) marks the next message with a content note: the others see a short note and
 * reveal the text themselves; it turns off once the message is taken. Typing tells the others (at
 * most every few seconds). When nothing can be sent (a read-only, archived or locked room, or a
 * facilitator's mute) it says why; while slow mode or a flood limit asks to wait, it counts the
 * seconds down and keeps what was written. A participant of an information session asks the
 * hosts a question here instead (nobody is told they are typing), under the question's limits.
 */
class ChatComposer extends Component {
  readonly #textarea: HTMLTextAreaElement;
  readonly #send: HTMLButtonElement;
  readonly #counter: HTMLParagraphElement;
  readonly #error: HTMLParagraphElement;
  readonly #blocked: HTMLDivElement;
  readonly #blockedText: HTMLParagraphElement;
  readonly #blockedReason: HTMLParagraphElement;
  readonly #wait: HTMLParagraphElement;
  readonly #slowMode: HTMLParagraphElement;
  /** What this composer writes: a message, or (an information session's participant) a question. */
  readonly #label: HTMLLabelElement;
  readonly #hint: HTMLParagraphElement;
  /** "In this information session the hosts write…", above the question field. */
  readonly #intro = translated(locale, 'p', 'chat.question.intro', { class: 'composer-intro', hidden: '' });
  /** "Your question was sent", read out once asked. */
  readonly #status = h('p', { class: 'composer-status', role: 'status', 'data-testid': 'composer-status' });
  /** A question is on its way to the server. */
  #questionInFlight = false;
  readonly #form: HTMLFormElement;
  readonly #row: HTMLDivElement;
  /** The house rules, in place of the writing row until accepted. */
  readonly #rules = h('tp-house-rules');
  /** Appeal a mute, shown with the mute notice. */
  readonly #appeal = h('tp-appeal-button');
  /** Whether the mute shown last was looked up for an appeal. */
  #appealFor: string | null = null;
  /** Raise a hand, or pass. */
  readonly #floorBar = h('tp-floor-bar');
  /** Marks the next message with a content note (`aria-pressed`). */
  readonly #contentNote: HTMLButtonElement;
  #countdown: ReturnType<typeof setInterval> | undefined;
  readonly #hintId: string;
  #chat: RoomChat | null = null;
  /** A text the writer chose to send though it looked like personal details. */
  #confirmed: string | null = null;
  /** The personal-details question is open. */
  #asking = false;

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
    this.#counter = h('p', { class: 'composer-counter', id: `${id}-counter`, 'data-testid': 'composer-counter', hidden: true });
    this.#error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert', 'data-testid': 'composer-error', hidden: true });
    this.#blockedText = h('p', { 'data-testid': 'composer-blocked-text' });
    this.#blockedReason = h('p', { class: 'composer-blocked-reason', hidden: true });
    // A status region: a mute or a lock that arrives live is read out without moving focus.
    this.#blocked = h(
      'div',
      { class: 'composer-blocked note', role: 'status', 'data-testid': 'composer-blocked', hidden: true },
      this.#blockedText,
      this.#blockedReason,
      this.#appeal,
    );
    this.#wait = h('p', { class: 'composer-wait', role: 'status', 'data-testid': 'composer-wait', hidden: true });
    this.#slowMode = h('p', { class: 'composer-slow-mode', 'data-testid': 'composer-slow-mode', hidden: true });
    const contentNoteHintId = `${id}-content-note-hint`;
    this.#contentNote = h(
      'button',
      {
        type: 'button',
        class: 'button-quiet composer-content-note',
        'aria-pressed': 'false',
        'aria-describedby': contentNoteHintId,
        'data-testid': 'composer-content-note',
        disabled: true,
      },
      h('span', { class: 'composer-content-note-check', 'aria-hidden': 'true' }, '\u2713'),
      translated(locale, 'span', 'chat.contentNote.toggle'),
    );
    this.#label = translated(locale, 'label', 'chat.composer.label', { for: id, class: 'visually-hidden' });
    this.#hint = translated(locale, 'p', 'chat.composer.hint', { id: hintId, class: 'composer-hint' });
    this.#row = h('div', { class: 'composer-row' }, this.#label, this.#textarea, this.#send);
    this.#form = h(
      'form',
      { class: 'composer', 'data-testid': 'composer', novalidate: true },
      this.#blocked,
      this.#rules,
      this.#intro,
      this.#wait,
      this.#row,
      h(
        'div',
        { class: 'composer-foot' },
        this.#contentNote,
        translated(locale, 'p', 'chat.contentNote.toggleHint', { id: contentNoteHintId, class: 'visually-hidden' }),
        this.#floorBar,
        this.#hint,
        this.#counter,
      ),
      this.#slowMode,
      this.#status,
      this.#error,
    );
  }

  protected render(): void {
    this.append(this.#form);
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#submit();
    });
    this.#textarea.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      void this.#submit();
    });
    this.#contentNote.addEventListener('click', () => this.#mark(!this.#marked));
    this.#textarea.addEventListener('input', () => {
      this.#fit();
      this.#count();
      if (!this.#error.hidden && this.#problem(this.#textarea.value) === null) this.#showError(null);
      if (this.#textarea.value.trim() !== '') this.#chat?.typed();
      if (this.#status.textContent !== '') setText(locale, this.#status, null);
    });
  }

  /** What is written here: a question to the hosts of an information session, or a message. */
  get #asks(): boolean {
    return this.#chat?.asksQuestions ?? false;
  }

  /** Connects the composer to a room until the signal aborts. */
  attach(chat: RoomChat, signal: AbortSignal): void {
    this.#chat = chat;
    this.#rules.attach(chat);
    this.#floorBar.attach(chat, signal);
    this.#rules.onAccepted = () => {
      this.#sync();
      this.#textarea.focus();
    };
    chat.on('room-changed', () => this.#sync(), { signal });
    chat.on('moderation-changed', () => this.#sync(), { signal });
    chat.on('questions-changed', () => this.#sync(), { signal });
    locale.on('locale-changed', () => this.#sync(), { signal });
    textLimits.on(LimitsChangedEvent.eventName, () => this.#count(), { signal });
    signal.addEventListener('abort', () => clearInterval(this.#countdown));
    this.#sync();
  }

  focusInput(): void {
    if (!this.#textarea.disabled) this.#textarea.focus();
  }

  /** Puts a ready-made text in the composer, in place of what was there, to edit or send. */
  insert(text: string): void {
    if (this.#textarea.disabled) return;
    this.#textarea.value = text;
    this.#fit();
    this.#count();
    this.#showError(null);
    this.#textarea.focus();
    this.#textarea.setSelectionRange(text.length, text.length);
  }

  #sync(): void {
    const chat = this.#chat;
    const block = chat?.writeBlock ?? null;
    this.#rules.update();
    const rulesDue = this.#rules.shown;
    this.#row.hidden = rulesDue;
    const asks = this.#asks;
    setText(locale, this.#label, ref(asks ? 'chat.question.label' : 'chat.composer.label'));
    setAttributeText(locale, this.#textarea, 'placeholder', asks ? 'chat.question.placeholder' : 'chat.composer.placeholder');
    setText(locale, this.#send, ref(asks ? 'chat.question.send' : 'chat.composer.send'));
    setText(locale, this.#hint, ref(asks ? 'chat.question.hint' : 'chat.composer.hint'));
    this.#textarea.name = asks ? 'question' : 'message';
    // Said once: after a first question the stream gets the line back.
    this.#intro.hidden = !asks || rulesDue || (chat?.questions.mine.length ?? 0) > 0;
    const enabled = (chat?.canSend ?? false) && !rulesDue && !this.#questionInFlight;
    this.#textarea.disabled = !enabled;
    this.#send.disabled = !enabled;
    this.#contentNote.disabled = !enabled;
    // A question goes to the hosts, not the group: it carries no content note.
    this.#contentNote.hidden = asks;
    if (asks) this.#mark(false);
    this.#blocked.hidden = block === null;
    this.#blocked.classList.toggle('is-muted', block === 'muted');
    setText(locale, this.#blockedText, this.#blockText());
    const reason = block === 'muted' ? (chat?.moderation.mute?.reason ?? null) : null;
    this.#blockedReason.hidden = reason === null;
    const muteKey = block === 'muted' && chat !== null ? `${chat.roomId}:${chat.moderation.mute?.until ?? ''}` : null;
    if (muteKey !== this.#appealFor) {
      this.#appealFor = muteKey;
      if (muteKey !== null && chat !== null) void this.#appeal.follow(chat.roomId, 'MUTE');
      else this.#appeal.hidden = true;
    }
    setText(locale, this.#blockedReason, reason === null ? null : ref('chat.muted.reason', { reason }));

    const slowSeconds = chat?.moderation.slowModeSeconds ?? 0;
    const slowModeApplies = enabled && slowSeconds > 0 && chat?.selfRole === 'PARTICIPANT';
    this.#slowMode.hidden = !slowModeApplies;
    setText(locale, this.#slowMode, slowModeApplies ? ref('chat.slowMode.on', { seconds: slowSeconds }) : null);
    this.#showWait();
  }

  #blockText(): TextRef | null {
    const chat = this.#chat;
    switch (chat?.writeBlock ?? null) {
      case 'archived':
        return ref('chat.archived');
      case 'read-only':
        return ref('chat.readOnly');
      case 'locked':
        return ref('chat.locked');
      case 'muted': {
        const until = chat?.moderation.mute?.until ?? null;
        return until === null
          ? ref('chat.muted.untilLifted')
          : ref('chat.muted.until', { time: formatMessageTime(until, locale.intlLocale) });
      }
      default:
        return null;
    }
  }

  /** "You can send your next message in 12 seconds", counted down while the wait lasts. */
  #showWait(): void {
    const chat = this.#chat;
    const seconds = chat?.canSend ? chat.sendWaitSeconds : 0;
    this.#wait.hidden = seconds === 0;
    if (seconds === 0) {
      clearInterval(this.#countdown);
      this.#countdown = undefined;
      setText(locale, this.#wait, null);
      return;
    }
    const reason = chat?.sendWaitReason;
    const key =
      reason === 'slow-mode'
        ? 'chat.composer.waitSlowMode'
        : reason === 'busy'
          ? 'chat.composer.waitBusy'
          : reason === 'unavailable'
            ? 'chat.composer.waitUnavailable'
            : 'chat.composer.waitLimit';
    setText(locale, this.#wait, ref(key, { seconds }));
    this.#countdown ??= setInterval(() => this.#showWait(), COUNTDOWN_MS);
  }

  /**
   * Sends what is written, after asking once when it looks like personal details (the same text
   * is not asked about again, e.g. when it waits for slow mode).
   */
  async #submit(): Promise<void> {
    const chat = this.#chat;
    if (chat === null || !chat.canSend || this.#asking) return;
    const text = this.#textarea.value;
    const details = findPersonalDetails(text, publicNumbers);
    if (details.length > 0 && text !== this.#confirmed) {
      this.#asking = true;
      try {
        if (!(await this.#askAbout(details))) return;
      } finally {
        this.#asking = false;
      }
      this.#confirmed = text;
      if (this.#textarea.value !== text || !chat.canSend) return;
    }
    if (this.#asks) {
      await this.#askNow(chat);
      return;
    }
    this.#sendNow(chat);
  }

  /** Asks the hosts; the text stays until the server has the question, and a refusal says why. */
  async #askNow(chat: RoomChat): Promise<void> {
    this.#questionInFlight = true;
    this.#sync();
    let asked = false;
    try {
      const result = await chat.ask(this.#textarea.value);
      if (result === 'sent') {
        asked = true;
        this.#textarea.value = '';
        this.#fit();
        this.#count();
        this.#showError(null);
        setText(locale, this.#status, ref('chat.question.sent'));
      } else if (result !== 'closed') {
        this.#showError(this.#problem(this.#textarea.value));
      }
    } catch (error) {
      this.#showError(problemText(problemOf(error)));
    } finally {
      this.#questionInFlight = false;
      this.#sync();
      if (asked || !this.#error.hidden) this.#textarea.focus();
    }
  }

  /** "This may identify you or your child — send anyway?"; true when the writer says send. */
  #askAbout(details: readonly PersonalDetail[]): Promise<boolean> {
    const names = details.map((detail) => locale.t(`chat.details.${detail}`));
    const what = formatList(names, locale.intlLocale);
    return openDialog(this, {
      title: ref('chat.details.title'),
      intro: ref('chat.details.intro', { what }),
      submit: 'chat.details.send',
      run: () => Promise.resolve(),
    });
  }

  /** Whether the next message goes with a content note. */
  get #marked(): boolean {
    return this.#contentNote.getAttribute('aria-pressed') === 'true';
  }

  #mark(marked: boolean): void {
    this.#contentNote.setAttribute('aria-pressed', String(marked));
  }

  #sendNow(chat: RoomChat): void {
    const result = chat.send(this.#textarea.value, this.#marked);
    this.#mark(contentNoteAfterSend(result, this.#marked));
    if (result === 'wait') {
      // Kept as written; the countdown above says when it can go.
      this.#showWait();
      this.#textarea.focus();
      return;
    }
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

  /** What the server would refuse in this text, counted and folded as it does. */
  #problem(value: string): TextRef | null {
    const field = this.#asks ? 'question' : 'message';
    const empty = this.#asks ? 'chat.question.empty' : 'chat.composer.empty';
    const check = textLimits.check(field, value);
    if (check === null) return value.trim() === '' ? ref(empty) : null;
    if (check.ok) return null;
    switch (check.code) {
      case 'not_blank':
        return ref(empty);
      case 'size':
        return ref(this.#asks ? 'chat.question.tooLong' : 'chat.composer.tooLong', { max: textLimits.field(field)?.max ?? 0 });
      default:
        return ref([`fieldError.${check.code}`, 'fieldError.generic']);
    }
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

  /** Characters as the server counts them (code points after folding), shown near its limit. */
  #count(): void {
    const field = this.#asks ? 'question' : 'message';
    const max = textLimits.field(field)?.max ?? null;
    const length = codePoints(textLimits.fold(field, this.#textarea.value));
    // A question's limit is short: its counter shows from the middle of it.
    const show = max !== null && length >= max - Math.min(COUNTER_BEFORE_LIMIT, Math.floor(max / 2));
    this.#counter.hidden = !show;
    this.#counter.classList.toggle('is-over', max !== null && length > max);
    setText(locale, this.#counter, show ? ref('chat.composer.count', { count: length, max }) : null);
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
