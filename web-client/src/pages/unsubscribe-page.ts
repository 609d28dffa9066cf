import { type NoticeCategory, unsubscribe } from '../api/reach.ts';
import { problemOf } from '../api/problem.ts';
import { FormAlert } from '../components/form-alert.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, translated } from '../i18n/dom.ts';
import { unsubscribeLink } from '../reach/unsubscribe-link.ts';
import { hashOf } from '../routes.ts';

/**
 * Where an e-mail's unsubscribe link lands (`#/unsubscribe?key=…&categories=…`), without signing
 * in: says which kinds of e-mail stop, and stops them only when asked (a mail scanner opening the
 * link changes nothing), then confirms and points to the settings for the rest.
 */
class UnsubscribePage extends Component {
  readonly #alert = new FormAlert('error', 'unsubscribe-alert');
  readonly #done = new FormAlert('info', 'unsubscribe-done');

  protected render(): void {
    const link = unsubscribeLink(window.location.hash);
    const card = h(
      'section',
      { class: 'card', 'data-testid': 'unsubscribe' },
      translated(locale, 'h1', 'reach.unsubscribe.title', { tabindex: '-1' }),
    );
    this.append(h('div', { class: 'page' }, card));
    if (link === null) {
      this.#alert.show(ref('error.reach.unsubscribe_unknown'));
      card.append(this.#alert.element, this.#settingsLink());
      return;
    }
    const stop = translated(locale, 'button', 'reach.unsubscribe.stop', {
      type: 'button',
      class: 'button-primary',
      'data-testid': 'unsubscribe-stop',
    });
    const after = this.#settingsLink();
    after.hidden = true;
    stop.addEventListener('click', () => void this.#stop(link, stop, after));
    card.append(
      translated(locale, 'p', 'reach.unsubscribe.intro'),
      h(
        'ul',
        { 'data-testid': 'unsubscribe-categories' },
        ...link.categories.map((category) => translated(locale, 'li', `reach.category.${category}` as const)),
      ),
      translated(locale, 'p', 'reach.unsubscribe.others', { class: 'field-hint' }),
      this.#alert.element,
      this.#done.element,
      h('div', { class: 'actions' }, stop),
      after,
    );
  }

  #settingsLink(): HTMLParagraphElement {
    return h(
      'p',
      {},
      translated(locale, 'a', 'reach.unsubscribe.settings', { href: hashOf('settings'), 'data-testid': 'unsubscribe-settings' }),
    );
  }

  async #stop(link: { key: string; categories: NoticeCategory[] }, button: HTMLButtonElement, after: HTMLElement): Promise<void> {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    this.#alert.clear();
    try {
      await unsubscribe(api, link.key, link.categories);
      button.hidden = true;
      this.#done.show(ref('reach.unsubscribe.done'));
      after.hidden = false;
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
      button.removeAttribute('aria-disabled');
    }
  }
}

define('tp-unsubscribe-page', UnsubscribePage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-unsubscribe-page': UnsubscribePage;
  }
}
