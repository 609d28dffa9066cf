import { CheckField } from '../components/check-field.ts';
import { FormAlert } from '../components/form-alert.ts';
import { FormField } from '../components/form-field.ts';
import { PasswordToggle } from '../components/password-toggle.ts';
import { locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { FormController } from '../forms/form-controller.ts';
import { newPasswordFields } from '../forms/new-password-fields.ts';
import { displayNameRule, usernameRule } from '../forms/rules.ts';
import { translated } from '../i18n/dom.ts';
import { RecoveryCodesView } from '../settings/recovery-codes-view.ts';

/**
 * Creating an account: a username to sign in with and a nickname others see. Then, before the
 * app goes on, the account's ten recovery codes, shown this once, with copy and download, until
 * the person ticks that they saved them.
 */
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
    const { password, confirm } = newPasswordFields('form.password', 'register.passwordConfirm', 'password');
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
    const aside = h(
      'p',
      { class: 'aside' },
      translated(locale, 'span', 'register.haveAccount'),
      ' ',
      translated(locale, 'a', 'register.signInLink', { href: '#/login' }),
    );
    const card = h(
      'section',
      { class: 'card' },
      translated(locale, 'h1', 'register.title', { tabindex: '-1' }),
      translated(locale, 'p', 'register.intro'),
      form,
    );
    new FormController(form, [username, displayName, password, confirm], alert, submit).onSubmit(async () => {
      const name = username.value.trim();
      const codes = await session.register({
        username: name,
        displayName: displayName.value.trim(),
        password: password.value,
      });
      password.value = '';
      confirm.value = '';
      card.replaceChildren(...this.#codesStep(codes, name));
      aside.remove();
      card.querySelector('h1')?.focus();
    });

    this.append(h('div', { class: 'page' }, card, aside));
  }

  /** The codes, shown once; going on needs the box ticked that says they are saved. */
  #codesStep(codes: readonly string[], username: string): HTMLElement[] {
    const saved = new CheckField({ name: 'codesSaved', label: 'recoveryCodes.saved', required: true });
    const alert = new FormAlert();
    const next = translated(locale, 'button', 'recoveryCodes.continue', { type: 'submit', class: 'button-primary' });
    const form = h('form', { class: 'stack', 'data-testid': 'codes-saved-form' }, saved.element, alert.element, next);
    new FormController(form, [saved], alert, next).onSubmit(() => session.finishRegistration());
    return [
      translated(locale, 'h1', 'recoveryCodes.heading', { tabindex: '-1' }),
      translated(locale, 'p', 'recoveryCodes.intro'),
      new RecoveryCodesView(codes, username).element,
      form,
    ];
  }
}

define('tp-register-page', RegisterPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-register-page': RegisterPage;
  }
}
