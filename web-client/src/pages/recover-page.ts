import { FormAlert } from '../components/form-alert.ts';
import { FormField } from '../components/form-field.ts';
import { PasswordToggle } from '../components/password-toggle.ts';
import { askForPasswordLink } from '../api/password-reset.ts';
import { api, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { FormController } from '../forms/form-controller.ts';
import { newPasswordFields } from '../forms/new-password-fields.ts';
import { requiredRule } from '../forms/rules.ts';
import { ref, translated } from '../i18n/dom.ts';
import { hashOf } from '../routes.ts';

/**
 * The ways back in: a link to one's verified e-mail address, or, without e-mail, username, one
 * recovery code and a new password. The code is spent, every earlier sign-in ends, and the person
 * is signed in here, which takes the app home.
 */
class RecoverPage extends Component {
  /** A link by e-mail: the answer is the same whether or not the address is known. */
  #byEmail(): HTMLElement {
    const email = new FormField({
      name: 'email',
      label: 'recover.email',
      hint: 'recover.emailHint',
      type: 'email',
      autocomplete: 'email',
      rule: requiredRule,
      verbatim: true,
    });
    const alert = new FormAlert();
    const sent = new FormAlert('info', 'password-link-sent');
    const submit = translated(locale, 'button', 'recover.sendLink', { type: 'submit', class: 'button-secondary' });
    const form = h('form', { class: 'stack', 'data-testid': 'password-link-form' }, email.element, alert.element, sent.element, submit);
    new FormController(form, [email], alert, submit).onSubmit(async () => {
      sent.clear();
      await askForPasswordLink(api, email.value.trim());
      sent.show(ref('recover.linkSent'));
    });
    return h(
      'section',
      { class: 'card' },
      translated(locale, 'h2', 'recover.emailHeading'),
      translated(locale, 'p', 'recover.emailIntro'),
      form,
    );
  }

  protected render(): void {
    const username = new FormField({
      name: 'username',
      label: 'form.username',
      autocomplete: 'username',
      rule: requiredRule,
      verbatim: true,
    });
    const code = new FormField({
      name: 'recoveryCode',
      label: 'recover.code',
      hint: 'recover.codeHint',
      autocomplete: 'one-time-code',
      rule: requiredRule,
      verbatim: true,
    });
    const { password, confirm } = newPasswordFields('recover.newPassword', 'recover.passwordConfirm');
    const alert = new FormAlert();
    const submit = translated(locale, 'button', 'recover.submit', { type: 'submit', class: 'button-primary' });
    const form = h(
      'form',
      { class: 'stack', 'data-testid': 'recover-form' },
      username.element,
      code.element,
      password.element,
      confirm.element,
      new PasswordToggle('register.showPasswords', [password.input, confirm.input]).element,
      alert.element,
      submit,
    );
    new FormController(form, [username, code, password, confirm], alert, submit).onSubmit(() =>
      session.recover({ username: username.value.trim(), recoveryCode: code.value.trim(), newPassword: password.value }),
    );
    this.append(
      h(
        'div',
        { class: 'page' },
        h('section', { class: 'card' }, translated(locale, 'h1', 'recover.title', { tabindex: '-1' })),
        this.#byEmail(),
        h('section', { class: 'card' }, translated(locale, 'h2', 'recover.codeHeading'), translated(locale, 'p', 'recover.intro'), form),
        h(
          'p',
          { class: 'aside' },
          translated(locale, 'span', 'recover.noCodes'),
          ' ',
          translated(locale, 'a', 'landing.registerLink', { href: hashOf('register') }),
        ),
        h('p', { class: 'aside' }, translated(locale, 'a', 'recover.back', { href: hashOf('login') })),
      ),
    );
  }
}

define('tp-recover-page', RecoverPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-recover-page': RecoverPage;
  }
}
