import { endOtherSignIns, endSignIn, listSignIns } from '../api/accounts.ts';
import { problemOf } from '../api/problem.ts';
import type { SignIn } from '../api/types.ts';
import { FormAlert } from '../components/form-alert.ts';
import { api, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';

/** Fired (bubbling) by a part of the settings that ended sign-ins, so the list reads them again. */
export const signInsChanged = 'tp-sign-ins-changed';

function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale.intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(date);
}

/**
 * The devices one is signed in on: each with its coarse label ("Firefox, Android"), when it signed
 * in and when it was last used, this device marked; any other can be signed out (its live chat
 * connection closes too), or all others at once. Guests do not see this section.
 */
class SignInsSection extends Component {
  readonly #list = h('ul', { class: 'overview-list sign-ins', 'data-testid': 'sign-ins' });
  readonly #alert = new FormAlert('error', 'sign-ins-alert');
  readonly #status = new FormAlert('info', 'sign-ins-status');
  readonly #endOthers = translated(locale, 'button', 'settings.endOthers', {
    type: 'button',
    class: 'button-secondary',
    'data-testid': 'end-other-sign-ins',
  });

  protected render(): void {
    const user = session.user;
    if (user === null || user.guest) {
      this.hidden = true;
      return;
    }
    const headingId = uniqueId('settings-sign-ins');
    this.#endOthers.addEventListener(
      'click',
      () =>
        void this.#act(async () => {
          const { ended } = await endOtherSignIns(api);
          this.#status.show(ref('settings.endedOthers', { count: ended }));
        }),
    );
    this.append(
      h(
        'section',
        { class: 'card', 'aria-labelledby': headingId, 'data-testid': 'settings-sign-ins' },
        translated(locale, 'h2', 'settings.signInsHeading', { id: headingId }),
        translated(locale, 'p', 'settings.signInsIntro'),
        this.#list,
        this.#alert.element,
        this.#status.element,
        h('div', { class: 'actions' }, this.#endOthers),
      ),
    );
  }

  protected override connected(signal: AbortSignal): void {
    if (this.hidden) return;
    document.addEventListener(signInsChanged, () => void this.#load(), { signal });
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const signIns = await listSignIns(api);
      this.#list.replaceChildren(...signIns.map((signIn) => this.#item(signIn)));
      this.#endOthers.hidden = !signIns.some((signIn) => !signIn.current);
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  #item(signIn: SignIn): HTMLElement {
    const nameId = uniqueId('sign-in-device');
    const device =
      signIn.device === null ? translated(locale, 'strong', 'settings.unknownDevice') : h('strong', { translate: 'no' }, signIn.device);
    device.id = nameId;
    const signedIn = h('p', { class: 'field-hint' });
    setText(locale, signedIn, ref('settings.signedInAt', { time: when(signIn.signedInAt) }));
    const lastUsed = h('p', { class: 'field-hint' });
    setText(locale, lastUsed, ref('settings.lastUsedAt', { time: when(signIn.lastUsedAt) }));
    let action: HTMLElement;
    if (signIn.current) {
      action = translated(locale, 'span', 'settings.thisDevice', { class: 'badge', 'data-testid': 'this-device' });
    } else {
      const end = translated(locale, 'button', 'settings.endSignIn', {
        type: 'button',
        class: 'button-secondary',
        'aria-describedby': nameId,
        'data-testid': 'end-sign-in',
      });
      end.addEventListener(
        'click',
        () =>
          void this.#act(async () => {
            await endSignIn(api, signIn.id);
            this.#status.show(ref('settings.endedOne'));
          }),
      );
      action = end;
    }
    return h(
      'li',
      { class: 'overview-item sign-in', 'data-testid': 'sign-in', 'data-current': String(signIn.current) },
      h('p', {}, device, ' ', action),
      signedIn,
      lastUsed,
    );
  }

  async #act(action: () => Promise<void>): Promise<void> {
    this.#alert.clear();
    this.#status.clear();
    try {
      await action();
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    }
    await this.#load();
  }
}

define('tp-settings-sign-ins', SignInsSection);

declare global {
  interface HTMLElementTagNameMap {
    'tp-settings-sign-ins': SignInsSection;
  }
}
