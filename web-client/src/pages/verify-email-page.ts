import { verifyEmail } from '../api/reach.ts';
import { ApiError, problemOf } from '../api/problem.ts';
import { FormAlert } from '../components/form-alert.ts';
import { api, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { hashOf, hashQuery } from '../routes.ts';

/**
 * The link from the e-mail that proves one reads an address (`#/verify-email?token=…`), signed
 * in or not: posts the token once, then says the address is in use, with the way on (the
 * settings, or signing in), or why not (the link expired or was used, or the address belongs to
 * another account). The token leaves the address bar at once, so the browser's history keeps
 * no working link.
 */
class VerifyEmailPage extends Component {
  readonly #status = translated(locale, 'p', 'reach.verify.checking', { role: 'status', 'data-testid': 'verify-status' });
  readonly #alert = new FormAlert('error', 'verify-alert');
  readonly #next = h('p', { class: 'actions', hidden: '' });
  #verified = false;

  protected render(): void {
    const token = hashQuery(window.location.hash).get('token')?.trim() ?? '';
    if (token !== '') window.history.replaceState(null, '', hashOf('verifyEmail'));
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card', 'data-testid': 'verify-email' },
          translated(locale, 'h1', 'reach.verify.title', { tabindex: '-1' }),
          this.#status,
          this.#alert.element,
          this.#next,
        ),
      ),
    );
    void this.#verify(token);
  }

  protected override connected(signal: AbortSignal): void {
    session.on('session-changed', () => this.#showNext(), { signal });
  }

  async #verify(token: string): Promise<void> {
    try {
      // a link cut short says what a used one says
      if (token === '') throw new ApiError({ status: 400, code: 'reach.link_invalid' });
      await verifyEmail(api, token);
      this.#verified = true;
      this.dataset['state'] = 'verified';
      setText(locale, this.#status, ref('reach.verify.done'));
    } catch (error) {
      this.dataset['state'] = 'refused';
      setText(locale, this.#status, null);
      this.#alert.show(problemText(problemOf(error)));
    }
    this.#showNext();
  }

  #showNext(): void {
    if (this.dataset['state'] === undefined) return;
    const signedIn = session.status === 'signed-in';
    this.#next.replaceChildren(
      signedIn
        ? translated(locale, 'a', this.#verified ? 'reach.verify.toSettings' : 'reach.verify.toSettingsAgain', {
            href: hashOf('settings'),
            class: 'button-link',
            'data-testid': 'verify-next',
          })
        : translated(locale, 'a', 'reach.verify.toSignIn', { href: hashOf('login'), class: 'button-link', 'data-testid': 'verify-next' }),
    );
    this.#next.hidden = false;
  }
}

define('tp-verify-email-page', VerifyEmailPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-verify-email-page': VerifyEmailPage;
  }
}
