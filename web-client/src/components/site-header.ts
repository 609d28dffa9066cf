import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { translated } from '../i18n/dom.ts';
import { hashOf } from '../routes.ts';
import './help-panel.ts';
import './language-switch.ts';
import './notification-bell.ts';
import './quick-exit.ts';
import './safety-alert.ts';

/**
 * Brand, quick exit, crisis help, the group calendar, notifications (signed in only) and
 * language, in that order on every screen size (so the keyboard order matches what is seen,
 * and the quick exit comes right after the brand).
 */
class SiteHeader extends Component {
  protected render(): void {
    const brand = translated(locale, 'a', 'app.name', { href: '#/', class: 'brand' });
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
          translated(locale, 'a', 'nav.calendar', { href: hashOf('calendar'), class: 'header-link', 'data-testid': 'calendar-nav' }),
          h('tp-notification-bell'),
          h('tp-language-switch'),
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
