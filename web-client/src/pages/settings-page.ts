import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { translated } from '../i18n/dom.ts';
import { hashOf } from '../routes.ts';
import { settingsSections } from '../settings/sections.ts';

/**
 * One's own settings, one card per concern (each a component in `src/settings/`): the page only
 * lays them out in the order `settingsSections` gives.
 */
class SettingsPage extends Component {
  protected render(): void {
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'settings.title', { tabindex: '-1' }),
          translated(locale, 'p', 'settings.intro', { class: 'lead' }),
        ),
        ...settingsSections.map((tag) => document.createElement(tag)),
        h('p', { class: 'aside' }, translated(locale, 'a', 'settings.back', { href: hashOf('home') })),
      ),
    );
  }
}

define('tp-settings-page', SettingsPage);
