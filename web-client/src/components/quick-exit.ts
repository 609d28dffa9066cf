import { locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { setAttributeText, translated } from '../i18n/dom.ts';

/** Where the quick exit goes: an everyday page that draws no attention. */
export const QUICK_EXIT_URL = 'https://www.google.com/search?q=weather';

/** Presses of Shift in a row, with no other key between, that also leave the page. */
const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 2000;

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

class QuickExit extends Component {
  #shiftTimes: number[] = [];

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
    document.addEventListener('keydown', (event) => this.#onKey(event), { signal, capture: true });
  }

  #onKey(event: KeyboardEvent): void {
    if (event.key !== 'Shift' || event.repeat) {
      if (event.key !== 'Shift') this.#shiftTimes = [];
      return;
    }
    const now = event.timeStamp;
    this.#shiftTimes = [...this.#shiftTimes, now].filter((time) => now - time <= SHIFT_WINDOW_MS);
    if (this.#shiftTimes.length >= SHIFT_PRESSES) {
      this.#shiftTimes = [];
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
