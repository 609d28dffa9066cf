import type { ApiClient } from '../api/api-client.ts';
import { problemOf } from '../api/problem.ts';
import type { RoomId } from '../api/rooms.ts';
import { formatMessageTime } from '../chat/format.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { FormAlert } from './form-alert.ts';
import { dialogTextField } from './modal-dialog.ts';
import type { PanelContext } from './panel-feedback.ts';

/** A private note of the session's facilitators, as the server gives it. */
type SessionNote = {
  id: string;
  sessionPosition: number | null;
  authorName: string | null;
  body: string;
  createdAt: string;
};

function notesPath(roomId: RoomId): string {
  return `/api/rooms/${encodeURIComponent(String(roomId))}/notes`;
}

function fetchNotes(client: ApiClient, roomId: RoomId): Promise<SessionNote[]> {
  return client.get<SessionNote[]>(notesPath(roomId));
}

/**
 * The facilitators' private notes (the pair's, työpari): visible to the room's facilitators and,
 * in a series, to its facilitators in every later session; nobody else sees them. Written here,
 * read newest first with the session each was written in.
 */
class ModerationNotes extends Component {
  readonly #list = h('ul', { class: 'mod-list mod-notes', 'data-testid': 'session-notes' });
  readonly #empty = translated(locale, 'p', 'mod.notes.empty', { class: 'field-hint' });
  readonly #alert = new FormAlert('error', 'notes-alert');
  readonly #save = translated(locale, 'button', 'mod.notes.save', {
    type: 'button',
    class: 'button-secondary button-small',
    'data-testid': 'save-note',
  });
  readonly #field = dialogTextField({
    label: 'mod.notes.label',
    hint: () => ref('mod.notes.hint'),
    limit: 'sessionNote',
    name: 'note',
  });
  #context: PanelContext | null = null;
  #loaded = false;

  protected render(): void {
    const headingId = uniqueId('mod-notes');
    this.hidden = true;
    this.#field.input.setAttribute('data-testid', 'note-text');
    this.append(
      h(
        'section',
        { class: 'mod-section', 'aria-labelledby': headingId },
        translated(locale, 'h3', 'mod.notes.heading', { id: headingId, class: 'mod-heading' }),
        this.#field.field,
        this.#alert.element,
        this.#save,
        this.#empty,
        this.#list,
      ),
    );
    this.#save.addEventListener('click', () => void this.#write());
  }

  attach(context: PanelContext, signal: AbortSignal): void {
    this.#context = context;
    const update = (): void => {
      const facilitator = context.chat.selfRole === 'FACILITATOR';
      this.hidden = !facilitator;
      if (facilitator && !this.#loaded) {
        this.#loaded = true;
        void this.#load();
      }
    };
    context.chat.on('room-changed', update, { signal });
    // Read again whenever the tools are opened: the other facilitator may have written meanwhile.
    this.closest('details')?.addEventListener(
      'toggle',
      (event) => {
        if (event.target instanceof HTMLDetailsElement && event.target.open) void this.#load();
      },
      { signal },
    );
    locale.on('locale-changed', () => void this.#load(), { signal });
    update();
  }

  async #load(): Promise<void> {
    const context = this.#context;
    if (context === null || this.hidden) return;
    try {
      this.#show(await fetchNotes(api, context.chat.roomId));
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  #show(notes: readonly SessionNote[]): void {
    this.#empty.hidden = notes.length > 0;
    this.#list.replaceChildren(
      ...notes.map((note) => {
        const meta = h('p', { class: 'mod-note-meta' });
        setText(
          locale,
          meta,
          ref(note.sessionPosition === null ? 'mod.notes.meta' : 'mod.notes.metaSession', {
            name: note.authorName ?? '–',
            time: formatMessageTime(note.createdAt, locale.intlLocale),
            session: note.sessionPosition ?? 0,
          }),
        );
        // A facilitator's own words: set as text, never as markup.
        const body = h('p', { class: 'mod-note-body', 'data-testid': 'note-body' });
        body.textContent = note.body;
        return h('li', { class: 'mod-item mod-note', 'data-testid': 'session-note' }, meta, body);
      }),
    );
  }

  async #write(): Promise<void> {
    const context = this.#context;
    const text = this.#field.input.value;
    if (context === null || text.trim() === '' || this.#save.getAttribute('aria-disabled') === 'true') return;
    this.#save.setAttribute('aria-disabled', 'true');
    this.#alert.clear();
    try {
      await api.post<unknown>(notesPath(context.chat.roomId), { body: text });
      this.#field.input.value = '';
      await this.#load();
      context.feedback.done(ref('mod.notes.saved'));
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    } finally {
      this.#save.removeAttribute('aria-disabled');
    }
  }
}

define('tp-mod-notes', ModerationNotes);

declare global {
  interface HTMLElementTagNameMap {
    'tp-mod-notes': ModerationNotes;
  }
}
