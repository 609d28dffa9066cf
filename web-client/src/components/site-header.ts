import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { translated } from '../i18n/dom.ts';
import './help-panel.ts';
import './notification-bell.ts';
import './quick-exit.ts';
import './safety-alert.ts';
import './site-menu.ts';

/**
 * Brand, quick exit, crisis help, notifications (signed in only) and the menu (the group calendar
 * and the language), in that order on every screen size (so the keyboard order matches what is
 * seen, and the quick exit comes right after the brand). On a phone it is one row: the brand shows
 * only its mark, the notifications a bell, and the menu folds behind a button (`tp-site-menu`).
 */
class SiteHeader extends Component {
  protected render(): void {
    // On a phone only the mark shows; the name stays the link's text for screen readers.
    const brand = h('a', { href: '#/', class: 'brand' }, translated(locale, 'span', 'app.name', { class: 'brand-name' }));
    this.append(
      h(
        'header',
        { class: 'site-header' },
        h(
          'div',
          { class: 'site-header-inner' },
          brand,
          h('tp-quick-exit'),
          h('tp-help-panel'),
          h('tp-notification-bell'),
          h('tp-site-menu'),
        ),
        h('tp-safety-alert'),
      ),
    );
  }

  protected override connected(signal: AbortSignal): void {
    // The header stays in view while the page scrolls: the page keeps focused fields out from under
    // it (WCAG 2.4.11, Focus Not Obscured) through scroll-padding-top, which follows its height.
    const root = document.documentElement;
    const measured = new ResizeObserver(() => {
      root.style.setProperty('--header-height', `${Math.ceil(this.getBoundingClientRect().height)}px`);
    });
    measured.observe(this);
    signal.addEventListener('abort', () => measured.disconnect());
  }
}

define('tp-site-header', SiteHeader);

declare global {
  interface HTMLElementTagNameMap {
    'tp-site-header': SiteHeader;
  }
}
