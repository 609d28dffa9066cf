import { FormAlert } from '../components/form-alert.ts';
import { FormField } from '../components/form-field.ts';
import { PasswordToggle } from '../components/password-toggle.ts';
import { locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { FormController } from '../forms/form-controller.ts';
import { requiredRule } from '../forms/rules.ts';
import { ref, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { hashOf } from '../routes.ts';
import type { SessionNotice } from '../state/session-store.ts';

const noticeText: Record<SessionNotice, MessageKey> = {
  'signed-out': 'landing.signedOut',
  'session-expired': 'landing.sessionExpired',
  unreachable: 'error.network',
  'account-erased': 'landing.accountErased',
};

/** The front page: what the service is, sign-in, and the ways in without an account. */
class SignInPage extends Component {
  protected render(): void {
    const notice = new FormAlert('info', 'session-notice');
    const pending = session.takeNotice();
    if (pending !== null) notice.show(ref(noticeText[pending]));

    const headingId = uniqueId('sign-in-heading');
    const username = new FormField({
      name: 'username',
      label: 'form.username',
      autocomplete: 'username',
      rule: requiredRule,
      verbatim: true,
    });
    const password = new FormField({
      name: 'password',
      label: 'form.password',
      type: 'password',
      autocomplete: 'current-password',
      rule: requiredRule,
    });
    const alert = new FormAlert();
    const submit = translated(locale, 'button', 'form.signIn', { type: 'submit', class: 'button-primary' });
    const form = h(
      'form',
      { class: 'stack', 'aria-labelledby': headingId },
      username.element,
      password.element,
      new PasswordToggle('form.showPassword', [password.input]).element,
      alert.element,
      submit,
    );
    new FormController(form, [username, password], alert, submit).onSubmit(() =>
      session.login({ username: username.value.trim(), password: password.value }),
    );

    this.append(
      h(
        'div',
        { class: 'page page-landing' },
        h(
          'section',
          { class: 'intro' },
          translated(locale, 'h1', 'landing.title', { tabindex: '-1' }),
          translated(locale, 'p', 'landing.intro', { class: 'lead' }),
          translated(locale, 'p', 'landing.anonymity'),
        ),
        notice.element,
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h2', 'landing.signInHeading', { id: headingId }),
          form,
          h(
            'p',
            { class: 'aside' },
            translated(locale, 'a', 'landing.forgotPassword', { href: hashOf('recover'), 'data-testid': 'forgot-password' }),
          ),
        ),
        h(
          'section',
          { class: 'card card-soft' },
          translated(locale, 'h2', 'landing.noAccount'),
          h(
            'ul',
            { class: 'ways-in' },
            h('li', {}, translated(locale, 'a', 'landing.registerLink', { href: '#/register', class: 'button-link' })),
            h(
              'li',
              {},
              translated(locale, 'a', 'landing.guestLink', { href: '#/guest', class: 'button-link' }),
              translated(locale, 'span', 'landing.guestHint', { class: 'field-hint' }),
            ),
          ),
        ),
      ),
    );
  }
}

define('tp-sign-in-page', SignInPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-sign-in-page': SignInPage;
  }
}
