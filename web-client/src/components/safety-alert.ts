import { chat, locale, session } from '../context.ts';
import { isCoordinator } from '../coordination/access.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { type TextRef, setText, translated } from '../i18n/dom.ts';
import { hashOf } from '../routes.ts';

/**
 * For coordinators and administrators, on every screen: a safety signal in a room where no
 * facilitator is present has been escalated to them. Announced at once (an alert), with the way to
 * the safety page; it stays until closed or followed. The notice also stays in the bell.
 */
class SafetyAlert extends Component {
  readonly #box = h('div', { class: 'safety-alert', role: 'alert', 'data-testid': 'safety-alert', hidden: '' });
  readonly #text = h('p', { class: 'safety-alert-text' });
  #count = 0;

  protected render(): void {
    const open = translated(locale, 'a', 'safety.alert.open', {
      href: hashOf('safety'),
      class: 'button-link button-small',
      'data-testid': 'safety-alert-open',
    });
    const close = translated(locale, 'button', 'safety.alert.close', { type: 'button', class: 'button-quiet button-small' });
    open.addEventListener('click', () => this.#clear());
    close.addEventListener('click', () => this.#clear());
    this.#box.append(this.#text, h('div', { class: 'actions' }, open, close));
    this.append(this.#box);
  }

  protected override connected(signal: AbortSignal): void {
    chat.on(
      'moderation-queue',
      (event) => {
        const escalation = event.event;
        if (escalation.type !== 'escalation' || !isCoordinator(session.user)) return;
        this.#count += 1;
        const text: TextRef =
          this.#count === 1
            ? { keys: [`safety.alert.${escalation.signal}`], params: { room: escalation.roomTitle } }
            : { keys: ['safety.alert.many'], params: { count: this.#count } };
        setText(locale, this.#text, text);
        this.#box.hidden = false;
      },
      { signal },
    );
    session.on(
      'session-changed',
      () => {
        if (session.status !== 'signed-in') this.#clear();
      },
      { signal },
    );
  }

  #clear(): void {
    this.#count = 0;
    this.#box.hidden = true;
  }
}

define('tp-safety-alert', SafetyAlert);

declare global {
  interface HTMLElementTagNameMap {
    'tp-safety-alert': SafetyAlert;
  }
}
