import { setPasswordWithLink } from '../api/password-reset.ts';
import { FormAlert } from '../components/form-alert.ts';
import { PasswordToggle } from '../components/password-toggle.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { FormController } from '../forms/form-controller.ts';
import { newPasswordFields } from '../forms/new-password-fields.ts';
import { ApiError } from '../api/problem.ts';
import { ref, translated } from '../i18n/dom.ts';
import { hashOf } from '../routes.ts';

/** The token of a link from an e-mail: `#/reset-password?token=…`. */
export function tokenOf(hash: string): string | null {
  const query = hash.split('?')[1];
  return query === undefined ? null : new URLSearchParams(query).get('token');
}

/**
 * The page a password link from an e-mail opens: a new password (twice). Once it is set every
 * sign-in of the account has ended, here too, so the page leads to signing in.
 */
class ResetPasswordPage extends Component {
  protected render(): void {
    const token = tokenOf(window.location.hash);
    // the token leaves the address bar (and so the browser's history) at once
    if (token !== null) window.history.replaceState(null, '', hashOf('resetPassword'));
    const { password, confirm } = newPasswordFields('recover.newPassword', 'recover.passwordConfirm');
    const alert = new FormAlert();
    const done = new FormAlert('info', 'password-set');
    const submit = translated(locale, 'button', 'resetPassword.submit', { type: 'submit', class: 'button-primary' });
    const form = h(
      'form',
      { class: 'stack', 'data-testid': 'reset-password-form' },
      password.element,
      confirm.element,
      new PasswordToggle('register.showPasswords', [password.input, confirm.input]).element,
      alert.element,
      submit,
    );
    new FormController(form, [password, confirm], alert, submit).onSubmit(async () => {
      try {
        await setPasswordWithLink(api, token ?? '', password.value);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'reach.link_invalid') {
          // someone who forgot their password cannot ask again in the settings: the link to the recover page
          form.hidden = true;
          expired.hidden = false;
          return;
        }
        throw error;
      }
      form.hidden = true;
      done.show(ref('resetPassword.done'));
      signIn.hidden = false;
    });
    const signIn = h(
      'p',
      { hidden: true },
      translated(locale, 'a', 'resetPassword.signIn', { href: hashOf('login'), class: 'button-link' }),
    );
    const expired = h(
      'p',
      { hidden: token !== null, 'data-testid': 'reset-link-invalid' },
      translated(locale, 'span', 'resetPassword.linkInvalid'),
      ' ',
      translated(locale, 'a', 'resetPassword.askAgain', { href: hashOf('recover') }),
    );
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'resetPassword.title', { tabindex: '-1' }),
          translated(locale, 'p', 'resetPassword.intro'),
          token === null ? expired : h('div', {}, form, expired),
          done.element,
          signIn,
        ),
      ),
    );
  }
}

define('tp-reset-password-page', ResetPasswordPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-reset-password-page': ResetPasswordPage;
  }
}
