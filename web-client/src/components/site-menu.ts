import { locale, router } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { isWideScreen } from '../dom/media.ts';
import { setAttributeText, translated } from '../i18n/dom.ts';
import { hashOf } from '../routes.ts';
import './language-switch.ts';

/**
 * The header's less urgent parts: the group calendar and the language (and, on a phone, the way to the
 * front page, which the brand is on a wide screen). On a wide screen they stand
 * in the header's row as they are; on a phone (see `WIDE_SCREEN`) they fold behind "Valikko", a
 * disclosure button (`aria-expanded`, `aria-controls`), so the header stays one row with the quick
 * exit, the crisis numbers and the notifications in sight. Escape folds the menu and gives focus back
 * to its button; an Escape used so is marked (`preventDefault`) and never counts toward the quick
 * exit's Esc-Esc. Following a link, tabbing out of the menu or tapping elsewhere folds it too.
 */
class SiteMenu extends Component {
  readonly #toggle = h('button', {
    type: 'button',
    class: 'site-menu-toggle',
    'aria-expanded': 'false',
    'data-testid': 'site-menu-toggle',
  });
  readonly #panel = h('div', { class: 'site-menu', id: uniqueId('site-menu'), 'data-testid': 'site-menu' });

  protected render(): void {
    this.#toggle.setAttribute('aria-controls', this.#panel.id);
    this.#toggle.append(translated(locale, 'span', 'nav.menu', { class: 'site-menu-label' }));
    setAttributeText(locale, this.#panel, 'aria-label', 'nav.menu');
    this.#panel.setAttribute('role', 'group');
    this.#panel.append(
      translated(locale, 'a', 'nav.home', { href: '#/', class: 'header-link site-menu-home', 'data-testid': 'home-nav' }),
      translated(locale, 'a', 'nav.calendar', { href: hashOf('calendar'), class: 'header-link', 'data-testid': 'calendar-nav' }),
      h('tp-language-switch'),
    );
    this.append(this.#toggle, this.#panel);
    this.#toggle.addEventListener('click', () => this.#setOpen(!this.isOpen));
    // A choice made (a page to go to, a language) folds the menu; focus goes back to its button
    // rather than to the folded choice.
    this.#panel.addEventListener('click', (event) => {
      const chosen = event.target instanceof Element ? event.target.closest('a, button') : null;
      if (chosen === null || !this.isOpen) return;
      this.#setOpen(false);
      if (chosen instanceof HTMLButtonElement) this.#toggle.focus();
    });
    this.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !this.isOpen) return;
      // Used up: the quick exit does not count an Escape that closed something.
      event.preventDefault();
      this.#setOpen(false);
      this.#toggle.focus();
    });
    // Focus moved on past the menu (a tap elsewhere is heard as a pointer press below).
    this.addEventListener('focusout', (event) => {
      if (event.relatedTarget instanceof Node && !this.contains(event.relatedTarget)) this.#setOpen(false);
    });
  }

  protected override connected(signal: AbortSignal): void {
    document.addEventListener(
      'pointerdown',
      (event) => {
        if (this.isOpen && event.target instanceof Node && !this.contains(event.target)) this.#setOpen(false);
      },
      { signal },
    );
    router.on('route-changed', () => this.#setOpen(false), { signal });
  }

  /** Whether the menu is unfolded (on a wide screen its parts are always in view). */
  get isOpen(): boolean {
    return this.#toggle.getAttribute('aria-expanded') === 'true';
  }

  #setOpen(open: boolean): void {
    if (open && isWideScreen()) return;
    this.#toggle.setAttribute('aria-expanded', String(open));
    this.classList.toggle('is-open', open);
  }
}

define('tp-site-menu', SiteMenu);

declare global {
  interface HTMLElementTagNameMap {
    'tp-site-menu': SiteMenu;
  }
}
