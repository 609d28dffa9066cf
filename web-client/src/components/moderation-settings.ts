import { pinAnnouncement, setLocked, setSlowMode, unpinAnnouncement } from '../api/moderation.ts';
import { attentionSound, locale } from '../context.ts';
import { api } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { type TextRef, ref, setText, translated } from '../i18n/dom.ts';
import { textLimits } from '../text/text-limits.ts';
import { textProblem } from './modal-dialog.ts';
import { type PanelContext, act } from './panel-feedback.ts';

/** Slow mode steps offered, in seconds (0: off). */
const SLOW_MODE_STEPS = [0, 10, 30, 60, 120, 300] as const;

function slowModeText(seconds: number): TextRef {
  if (seconds === 0) return ref('mod.settings.slowOff');
  if (seconds % 60 === 0) return ref(seconds === 60 ? 'mod.settings.slowMinute' : 'mod.settings.slowMinutes', { minutes: seconds / 60 });
  return ref('mod.settings.slowSeconds', { seconds });
}

/**
 * The room as a whole: lock it (everyone can read, nobody can write) or open it again, slow mode
 * (how often each participant may send), and the announcement pinned at the top of the room.
 * Each control shows the room's current state, also when another facilitator changes it.
 */
class ModerationSettings extends Component {
  readonly #lockField = h('div', { class: 'mod-setting' });
  readonly #lock = h('input', { type: 'checkbox', role: 'switch', 'data-testid': 'lock-switch' });
  readonly #slowField = h('div', { class: 'field mod-setting' });
  readonly #slow = h('select', { 'data-testid': 'slow-mode' });
  readonly #pinField = h('div', { class: 'field mod-setting' });
  readonly #pin = h('textarea', { rows: 3, 'data-testid': 'pin-text' });
  readonly #pinSave = translated(locale, 'button', 'mod.settings.pinSave', { type: 'button', class: 'button-primary button-small' });
  readonly #unpin = translated(locale, 'button', 'mod.settings.unpin', { type: 'button', class: 'button-quiet button-small' });
  /** What the pin editor last showed from the room, to tell the person's own edits apart. */
  #shownPin = '';
  /** The slow mode steps and language the list was built for. */
  #slowSteps = '';
  #context: PanelContext | null = null;

  /** The chime for new reports and flags, on this device only. */
  #soundField(): HTMLElement {
    const id = uniqueId('attention-sound');
    const box = h('input', { type: 'checkbox', id, 'data-testid': 'attention-sound' });
    box.checked = attentionSound.enabled;
    box.addEventListener('change', () => {
      attentionSound.enabled = box.checked;
      if (box.checked) attentionSound.play();
    });
    return h(
      'div',
      { class: 'mod-setting' },
      h('div', { class: 'check' }, box, translated(locale, 'label', 'mod.settings.sound', { for: id })),
      translated(locale, 'p', 'mod.settings.soundHint', { class: 'field-hint' }),
    );
  }

  protected render(): void {
    const headingId = uniqueId('mod-settings');
    const lockId = uniqueId('lock');
    const lockHintId = `${lockId}-hint`;
    this.#lock.id = lockId;
    this.#lock.setAttribute('aria-describedby', lockHintId);
    this.#lockField.append(
      h('div', { class: 'check' }, this.#lock, translated(locale, 'label', 'mod.settings.lock', { for: lockId })),
      translated(locale, 'p', 'mod.settings.lockHint', { id: lockHintId, class: 'field-hint' }),
    );
    const slowId = uniqueId('slow-mode');
    const slowHintId = `${slowId}-hint`;
    this.#slow.id = slowId;
    this.#slow.setAttribute('aria-describedby', slowHintId);
    this.#slowField.append(
      translated(locale, 'label', 'mod.settings.slowMode', { for: slowId }),
      this.#slow,
      translated(locale, 'p', 'mod.settings.slowModeHint', { id: slowHintId, class: 'field-hint' }),
    );
    const pinId = uniqueId('pin');
    const pinHintId = `${pinId}-hint`;
    this.#pin.id = pinId;
    this.#pin.setAttribute('aria-describedby', pinHintId);
    const pinHint = h('p', { id: pinHintId, class: 'field-hint', hidden: true });
    textLimits.whenLoaded(() => {
      setText(locale, pinHint, ref('mod.settings.pinHint', { max: textLimits.field('pin')?.max ?? 0 }));
      pinHint.hidden = false;
    });
    this.#pinField.append(
      translated(locale, 'label', 'mod.settings.pin', { for: pinId }),
      this.#pin,
      pinHint,
      h('div', { class: 'mod-actions' }, this.#pinSave, this.#unpin),
    );
    this.append(
      h(
        'section',
        { class: 'mod-section', 'aria-labelledby': headingId },
        translated(locale, 'h3', 'mod.settings.heading', { id: headingId }),
        this.#lockField,
        this.#slowField,
        this.#pinField,
        this.#soundField(),
      ),
    );

    this.#lock.addEventListener('change', () => void this.#changeLock());
    this.#slow.addEventListener('change', () => void this.#changeSlowMode());
    this.#pinSave.addEventListener('click', () => void this.#savePin());
    this.#unpin.addEventListener('click', () => void this.#removePin());
  }

  attach(context: PanelContext, signal: AbortSignal): void {
    this.#context = context;
    context.chat.on('moderation-changed', () => this.#update(), { signal });
    context.chat.on('room-changed', () => this.#update(), { signal });
    locale.on('locale-changed', () => this.#update(), { signal });
    this.#update();
  }

  #update(): void {
    const context = this.#context;
    if (context === null) return;
    const chat = context.chat;
    const state = chat.room?.state ?? 'OPEN';
    this.#lockField.hidden = !chat.may('LOCK');
    this.#slowField.hidden = !chat.may('SLOW_MODE');
    this.#pinField.hidden = !chat.may('PIN');
    this.hidden = this.#lockField.hidden && this.#slowField.hidden && this.#pinField.hidden;

    this.#lock.checked = state !== 'OPEN';
    this.#lock.disabled = state === 'ARCHIVED';

    const seconds = chat.moderation.slowModeSeconds;
    const steps: number[] = [...SLOW_MODE_STEPS];
    if (!steps.includes(seconds)) steps.push(seconds);
    steps.sort((a, b) => a - b);
    // Rebuilt only when the steps or the language change, so an open list stays open.
    const signature = `${locale.locale}:${steps.join(',')}`;
    if (signature !== this.#slowSteps) {
      this.#slowSteps = signature;
      this.#slow.replaceChildren(
        ...steps.map((step) => {
          const option = h('option', { value: step });
          setText(locale, option, slowModeText(step));
          return option;
        }),
      );
    }
    this.#slow.value = String(seconds);

    // The room's announcement fills the editor unless the person is changing it.
    const pinned = chat.moderation.pinned?.text ?? '';
    if (this.#pin.value === this.#shownPin) this.#pin.value = pinned;
    this.#shownPin = pinned;
    setText(locale, this.#pinSave, ref(pinned === '' ? 'mod.settings.pinSave' : 'mod.settings.pinUpdate'));
    this.#unpin.hidden = pinned === '';
  }

  async #changeLock(): Promise<void> {
    const context = this.#context;
    if (context === null) return;
    const locked = this.#lock.checked;
    const done = await act(
      context,
      null,
      () => setLocked(api, context.chat.roomId, locked),
      ref(locked ? 'mod.settings.locked' : 'mod.settings.unlocked'),
    );
    if (!done) this.#update();
  }

  async #changeSlowMode(): Promise<void> {
    const context = this.#context;
    if (context === null) return;
    const seconds = Number(this.#slow.value);
    const done = await act(
      context,
      null,
      () => setSlowMode(api, context.chat.roomId, seconds),
      seconds === 0 ? ref('mod.settings.slowModeOff') : ref('mod.settings.slowModeSet', { seconds }),
    );
    if (!done) this.#update();
  }

  async #savePin(): Promise<void> {
    const context = this.#context;
    const text = textLimits.fold('pin', this.#pin.value).trim();
    if (context === null) return;
    if (text === '') {
      context.feedback.refused(ref('mod.settings.pinEmpty'));
      this.#pin.focus();
      return;
    }
    const problem = textProblem('pin', this.#pin.value);
    if (problem !== null) {
      context.feedback.refused(problem);
      this.#pin.focus();
      return;
    }
    await act(context, this.#pinSave, () => pinAnnouncement(api, context.chat.roomId, text), ref('mod.settings.pinned'));
  }

  async #removePin(): Promise<void> {
    const context = this.#context;
    if (context === null) return;
    const removed = await act(context, this.#unpin, () => unpinAnnouncement(api, context.chat.roomId), ref('mod.settings.unpinned'));
    if (removed) {
      this.#pin.value = '';
      this.#pinSave.focus();
    }
  }
}

define('tp-mod-settings', ModerationSettings);

declare global {
  interface HTMLElementTagNameMap {
    'tp-mod-settings': ModerationSettings;
  }
}
