import { problemOf } from '../api/problem.ts';
import type { SessionMaterialView } from '../api/rooms.ts';
import { fetchAnswer, saveAnswer, shareAnswer } from '../api/workbook.ts';
import { newClientId } from '../chat/client-id.ts';
import type { RoomChat } from '../chat/room-chat.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { isWideScreen } from '../dom/media.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { hashOf } from '../routes.ts';
import { localised } from '../series/calendar.ts';
import { paragraphs } from '../workbook/workbook.ts';
import { FormAlert } from './form-alert.ts';
import { dialogTextField, openDialog, textProblem } from './modal-dialog.ts';
import { sheetLabel } from './sheet-label.ts';

/** The language a text is shown in: the reader's, else Finnish, else any it has; null when it has none. */
function shownLanguage(texts: Readonly<Record<string, string>>, language: string): string | null {
  if (texts[language] !== undefined) return language;
  if (texts['fi'] !== undefined) return 'fi';
  return Object.keys(texts)[0] ?? null;
}

/**
 * The session's material and exercise, once its room has opened, with one's own answer beside
 * the exercise: saved to one's workbook, which only oneself reads, and shared with the group as
 * one's own message only after a confirmation. A sheet of its own among the room's side panels.
 */
class RoomMaterial extends Component {
  readonly #details = h('details', { class: 'room-material', 'data-testid': 'room-material' });
  readonly #session = h('h3', { class: 'room-material-session', 'data-testid': 'material-session' });
  readonly #text = h('div', { class: 'room-material-text', 'data-testid': 'material-text' });
  readonly #exercisePart = h('section', { class: 'room-material-exercise' });
  readonly #exercise = h('p', { class: 'room-material-prompt', 'data-testid': 'material-exercise' });
  readonly #answer = dialogTextField({
    label: 'chat.material.answerLabel',
    hint: (max) => ref('chat.material.answerHint', { max }),
    limit: 'workbookAnswer',
    name: 'answer',
  });
  readonly #save = translated(locale, 'button', 'chat.material.save', {
    type: 'button',
    class: 'button-secondary button-small',
    'data-testid': 'material-save',
  });
  readonly #share = translated(locale, 'button', 'chat.material.share', {
    type: 'button',
    class: 'button-quiet button-small',
    'data-testid': 'material-share',
  });
  readonly #status = new FormAlert('info', 'material-status');
  readonly #alert = new FormAlert('error', 'material-alert');
  #chat: RoomChat | null = null;
  #material: SessionMaterialView | null = null;
  /** The answer as last saved (or read), to tell whether the field holds unsaved changes. */
  #saved = '';
  #loadedFor: string | null = null;
  /** Called once the answer has been shared with the group. */
  onShared: () => void = () => undefined;

  protected render(): void {
    // Folded at first, also beside the messages on a wide screen, so the tools under it stay in view.
    this.hidden = true;
    this.#answer.input.rows = 4;
    this.#answer.input.setAttribute('data-testid', 'material-answer');
    const exerciseHeading = uniqueId('material-exercise');
    this.#exercisePart.setAttribute('aria-labelledby', exerciseHeading);
    this.#exercisePart.append(
      translated(locale, 'h3', 'chat.material.exerciseHeading', { id: exerciseHeading, class: 'room-material-heading' }),
      this.#exercise,
      this.#answer.field,
      this.#status.element,
      this.#alert.element,
      h('div', { class: 'actions' }, this.#save, this.#share),
      h(
        'p',
        { class: 'field-hint' },
        translated(locale, 'a', 'chat.material.workbookLink', { href: hashOf('workbook'), 'data-testid': 'material-workbook-link' }),
      ),
    );
    this.#details.append(
      h('summary', { 'data-testid': 'room-material-toggle' }, ...sheetLabel('chat.material.heading', 'chat.material.short')),
      h('div', { class: 'room-material-body' }, this.#session, this.#text, this.#exercisePart),
    );
    this.append(this.#details);
    this.#save.addEventListener('click', () => void this.#saveAnswer());
    this.#share.addEventListener('click', () => void this.#shareAnswer());
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#update(), { signal });
  }

  attach(chat: RoomChat, signal: AbortSignal): void {
    this.#chat = chat;
    chat.on('room-changed', () => this.#update(), { signal });
    this.#update();
  }

  #update(): void {
    const material = this.#chat?.guide?.material ?? null;
    this.#material = material;
    this.hidden = material === null;
    if (material === null) return;
    const session = this.#chat?.guide?.session ?? null;
    const theme = session?.theme;
    setText(
      locale,
      this.#session,
      session === null || theme === undefined
        ? null
        : ref('workbook.session', { position: session.position, theme: localised(theme, locale.locale) }),
    );
    this.#session.hidden = session === null || theme === undefined;
    // The organisation's own texts: set as text, never as markup, marked with the language they are in.
    const textLanguage = shownLanguage(material.text, locale.locale);
    this.#text.replaceChildren(
      ...paragraphs(textLanguage === null ? '' : (material.text[textLanguage] ?? '')).map((part) => h('p', {}, part)),
    );
    this.#text.hidden = textLanguage === null;
    if (textLanguage !== null) this.#text.lang = textLanguage;
    const exerciseLanguage = shownLanguage(material.exercise, locale.locale);
    this.#exercise.textContent = exerciseLanguage === null ? '' : (material.exercise[exerciseLanguage] ?? '');
    if (exerciseLanguage !== null) this.#exercise.lang = exerciseLanguage;
    this.#exercisePart.hidden = exerciseLanguage === null;
    const key = `${material.seriesId}/${material.position}`;
    if (exerciseLanguage !== null && this.#loadedFor !== key) {
      this.#loadedFor = key;
      void this.#loadAnswer(material);
    }
  }

  async #loadAnswer(material: SessionMaterialView): Promise<void> {
    try {
      const entry = await fetchAnswer(api, material.seriesId, material.position);
      // Whatever was typed meanwhile is kept.
      if (entry !== null && this.#answer.input.value === this.#saved) {
        this.#answer.input.value = entry.answer;
        this.#saved = entry.answer;
      }
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  /** Saves the answer; false when there was nothing to save or the server refused it (and says why). */
  async #store(material: SessionMaterialView): Promise<boolean> {
    const text = this.#answer.input.value;
    if (text.trim() === '') {
      this.#alert.show(ref('chat.material.writeFirst'));
      this.#answer.input.focus();
      return false;
    }
    const problem = textProblem('workbookAnswer', text);
    if (problem !== null) {
      this.#alert.show(problem);
      this.#answer.input.focus();
      return false;
    }
    const entry = await saveAnswer(api, material.seriesId, material.position, text);
    this.#answer.input.value = entry.answer;
    this.#saved = entry.answer;
    return true;
  }

  async #saveAnswer(): Promise<void> {
    const material = this.#material;
    if (material === null || this.#save.getAttribute('aria-disabled') === 'true') return;
    this.#save.setAttribute('aria-disabled', 'true');
    this.#status.clear();
    this.#alert.clear();
    try {
      if (await this.#store(material)) this.#status.show(ref('chat.material.saved'));
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    } finally {
      this.#save.removeAttribute('aria-disabled');
    }
  }

  /** Shares the answer (saving it first if it has changed) once the person confirms. */
  async #shareAnswer(): Promise<void> {
    const material = this.#material;
    if (material === null) return;
    this.#status.clear();
    this.#alert.clear();
    if (this.#answer.input.value.trim() === '') {
      this.#alert.show(ref('chat.material.writeFirst'));
      this.#answer.input.focus();
      return;
    }
    // One id for this share, so a retry after a lost answer posts nothing twice.
    const clientId = newClientId();
    const shared = await openDialog(this, {
      title: ref('chat.material.shareTitle'),
      intro: ref('chat.material.shareIntro'),
      quote: this.#answer.input.value.trim(),
      submit: 'chat.material.share',
      validate: () => textProblem('workbookAnswer', this.#answer.input.value),
      run: async () => {
        if (this.#answer.input.value !== this.#saved) {
          const entry = await saveAnswer(api, material.seriesId, material.position, this.#answer.input.value);
          this.#answer.input.value = entry.answer;
          this.#saved = entry.answer;
        }
        await shareAnswer(api, material.seriesId, material.position, clientId);
      },
    });
    if (!shared) return;
    this.#status.show(ref('chat.material.shared'));
    this.onShared();
    // On a phone the sheet folds away, so the shared message can be seen arriving.
    if (!isWideScreen()) {
      this.#details.open = false;
      this.#details.querySelector('summary')?.focus();
    }
  }
}

define('tp-room-material', RoomMaterial);

declare global {
  interface HTMLElementTagNameMap {
    'tp-room-material': RoomMaterial;
  }
}
