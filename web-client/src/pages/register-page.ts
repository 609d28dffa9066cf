import { FormAlert } from '../components/form-alert.ts';
import { FormField } from '../components/form-field.ts';
import { PasswordToggle } from '../components/password-toggle.ts';
import { locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { FormController } from '../forms/form-controller.ts';
import { displayNameRule, passwordRule, sameAs, usernameRule } from '../forms/rules.ts';
import { translated } from '../i18n/dom.ts';

/** Creating an account: a username to sign in with and a nickname others see. */
class RegisterPage extends Component {
  protected render(): void {
    const username = new FormField({
      name: 'username',
      label: 'form.username',
      hint: 'register.usernameHint',
      autocomplete: 'username',
      rule: usernameRule,
      verbatim: true,
      limit: 'username',
    });
    const displayName = new FormField({
      name: 'displayName',
      label: 'register.displayName',
      hint: 'register.displayNameHint',
      autocomplete: 'nickname',
      rule: displayNameRule,
      limit: 'displayName',
    });
    const password = new FormField({
      name: 'password',
      label: 'form.password',
      hint: 'register.passwordHint',
      type: 'password',
      autocomplete: 'new-password',
      rule: passwordRule,
      limit: 'password',
    });
    const confirm = new FormField({
      name: 'passwordConfirm',
      label: 'register.passwordConfirm',
      type: 'password',
      autocomplete: 'new-password',
      rule: sameAs(() => password.value),
    });
    const alert = new FormAlert();
    const submit = translated(locale, 'button', 'register.submit', { type: 'submit', class: 'button-primary' });
    const form = h(
      'form',
      { class: 'stack' },
      username.element,
      displayName.element,
      password.element,
      confirm.element,
      new PasswordToggle('register.showPasswords', [password.input, confirm.input]).element,
      alert.element,
      submit,
    );
    new FormController(form, [username, displayName, password, confirm], alert, submit).onSubmit(() =>
      session.register({
        username: username.value.trim(),
        displayName: displayName.value.trim(),
        password: password.value,
      }),
    );

    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'register.title', { tabindex: '-1' }),
          translated(locale, 'p', 'register.intro'),
          form,
        ),
        h(
          'p',
          { class: 'aside' },
          translated(locale, 'span', 'register.haveAccount'),
          ' ',
          translated(locale, 'a', 'register.signInLink', { href: '#/login' }),
        ),
      ),
    );
  }
}

define('tp-register-page', RegisterPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-register-page': RegisterPage;
  }
}
