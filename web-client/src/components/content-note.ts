import { locale } from '../context.ts';
import { h, uniqueId } from '../dom/h.ts';
import { setText, translated } from '../i18n/dom.ts';

/** "Sisältövaroitus": the small tag the writer sees on their own marked message. */
export function contentNoteTag(): HTMLElement {
  return translated(locale, 'span', 'chat.contentNote.tag', { class: 'content-note-tag', 'data-testid': 'content-note-tag' });
}

export type VeilOptions = {
  /** Writes the text into the element (as text, never as markup); called on every reveal. */
  fill: (text: HTMLElement) => void;
  /** Shown from the start (the reader revealed it before the list was redrawn). */
  revealed: boolean;
  /** Ids of what tells this message apart from others (its writer's name), for the button. */
  describedBy?: string;
  /** Told after the reader revealed or hid the text again. */
  onToggle?: (revealed: boolean) => void;
};

/**
 * Puts someone else's marked text behind a content note: returns the note to place just before
 * `text`, "Viestissä voi olla raskasta sisältöä" with a "Näytä viesti" button. The text element
 * stays in the page but empty until the reader asks; it is a polite live region, so the text is
 * read out once shown, without moving focus. The button is a disclosure (`aria-expanded`,
 * `aria-controls`) and hides the text again. `text.dataset.veiled` is `true` while hidden, so
 * whoever later changes the text (an edit) leaves it unwritten.
 */
export function veil(text: HTMLElement, options: VeilOptions): HTMLElement {
  if (text.id === '') text.id = uniqueId('veiled-text');
  text.setAttribute('aria-live', 'polite');
  const noteId = uniqueId('content-note');
  const toggle = h('button', {
    type: 'button',
    class: 'button-quiet content-note-toggle',
    'aria-expanded': 'false',
    'aria-controls': text.id,
    'aria-describedby': options.describedBy ?? noteId,
    'data-testid': 'content-note-reveal',
  });
  const note = h(
    'div',
    { class: 'content-note', 'data-testid': 'content-note' },
    translated(locale, 'p', 'chat.contentNote.note', { class: 'content-note-text', id: noteId }),
    toggle,
  );
  const show = (revealed: boolean): void => {
    toggle.setAttribute('aria-expanded', String(revealed));
    setText(locale, toggle, { keys: [revealed ? 'chat.contentNote.hide' : 'chat.contentNote.reveal'] });
    note.classList.toggle('is-revealed', revealed);
    if (revealed) {
      delete text.dataset['veiled'];
      options.fill(text);
    } else {
      text.dataset['veiled'] = 'true';
      text.textContent = '';
    }
  };
  show(options.revealed);
  toggle.addEventListener('click', () => {
    const revealed = toggle.getAttribute('aria-expanded') !== 'true';
    show(revealed);
    options.onToggle?.(revealed);
  });
  return note;
}

/** Takes the content note away from a text (it was removed): the text element is an ordinary one again. */
export function unveil(text: HTMLElement): void {
  text.removeAttribute('aria-live');
  delete text.dataset['veiled'];
  const note = text.previousElementSibling;
  if (note instanceof HTMLElement && note.classList.contains('content-note')) note.remove();
}
