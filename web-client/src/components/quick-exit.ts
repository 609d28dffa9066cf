import { locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { setAttributeText, translated } from '../i18n/dom.ts';
import { EscapeTwice } from '../safety/escape-twice.ts';

/** Where the quick exit goes: an everyday page that draws no attention. */
export const QUICK_EXIT_URL = 'https://www.google.com/search?q=weather';

/**
 * Leaves the service at once: hides the page, forgets the session, and replaces the current
 * history entry so Back does not return here.
 */
export function quickExit(): void {
  document.body.hidden = true;
  document.title = '';
  try {
    session.abandon();
    window.sessionStorage.clear();
  } finally {
    window.location.replace(QUICK_EXIT_URL);
  }
}

/**
 * Whether this key press closes something rather than asking to leave: a handler that closed a
 * menu, panel or sheet marked it with `preventDefault`, or a modal dialog is open (the browser
 * closes it on Escape after the key press has been heard).
 */
function closesSomething(event: KeyboardEvent): boolean {
  return event.defaultPrevented || document.querySelector('dialog[open]') !== null;
}

/** The button, always in the header, and the shortcut: Escape pressed twice within a second. */
class QuickExit extends Component {
  readonly #shortcut = new EscapeTwice();

  protected render(): void {
    const button = translated(locale, 'button', 'quickExit.label', {
      type: 'button',
      class: 'quick-exit',
      'data-testid': 'quick-exit',
    });
    setAttributeText(locale, button, 'title', 'quickExit.description');
    button.addEventListener('click', quickExit);
    this.append(button);
  }

  protected override connected(signal: AbortSignal): void {
    // Heard after the page's own handlers, so an Escape that closed something (they mark it with
    // `preventDefault`) is known to be used up.
    window.addEventListener('keydown', (event) => this.#onKey(event), { signal });
  }

  #onKey(event: KeyboardEvent): void {
    // Escape while composing text (an input method) cancels the composition, nothing more.
    if (event.isComposing) return;
    if (this.#shortcut.press(event.key, event.timeStamp, event.repeat, closesSomething(event))) {
      quickExit();
    }
  }
}

define('tp-quick-exit', QuickExit);

declare global {
  interface HTMLElementTagNameMap {
    'tp-quick-exit': QuickExit;
  }
}
