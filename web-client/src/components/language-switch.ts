import { locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { setAttributeText } from '../i18n/dom.ts';

/** One button per registered language, each named in its own language. */
class LanguageSwitch extends Component {
  readonly #buttons = new Map<string, HTMLButtonElement>();

  protected render(): void {
    const group = h('div', { role: 'group', class: 'language-switch' });
    setAttributeText(locale, group, 'aria-label', 'language.switchLabel');
    for (const language of locale.languages) {
      const button = h('button', { type: 'button', lang: language.code }, locale.nameOf(language.code));
      button.addEventListener('click', () => locale.setLocale(language.code));
      this.#buttons.set(language.code, button);
      group.append(button);
    }
    this.append(group);
    this.#update();
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#update(), { signal });
  }

  #update(): void {
    for (const [code, button] of this.#buttons) {
      button.setAttribute('aria-pressed', String(code === locale.locale));
    }
  }
}

define('tp-language-switch', LanguageSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'tp-language-switch': LanguageSwitch;
  }
}
