import { changeDisplayName, changePassword } from '../api/accounts.ts';
import { FormAlert } from '../components/form-alert.ts';
import { FormField } from '../components/form-field.ts';
import { PasswordToggle } from '../components/password-toggle.ts';
import { api, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { FormController } from '../forms/form-controller.ts';
import { newPasswordFields } from '../forms/new-password-fields.ts';
import { displayNameRule, requiredRule } from '../forms/rules.ts';
import { ref, translated } from '../i18n/dom.ts';
import { signInsChanged } from './sign-ins-section.ts';

/**
 * One's nickname and password. A new nickname passes the checks registration makes (the server
 * judges, the form helps first) and shows in the rooms from then on; a new password signs out
 * every other device, this one stays. Guests have neither to change, and are told so.
 */
class AccountSection extends Component {
  protected render(): void {
    const user = session.user;
    if (user === null || user.guest) {
      const headingId = uniqueId('settings-guest');
      this.append(
        h(
          'section',
          { class: 'card', 'aria-labelledby': headingId, 'data-testid': 'settings-guest' },
          translated(locale, 'h2', 'settings.accountHeading', { id: headingId }),
          translated(locale, 'p', 'settings.guestNote'),
          h('p', {}, translated(locale, 'a', 'landing.registerLink', { href: '#/register' })),
        ),
      );
      return;
    }
    this.append(this.#nickname(user.displayName), this.#password());
  }

  #nickname(current: string): HTMLElement {
    const headingId = uniqueId('settings-nickname');
    const field = new FormField({
      name: 'displayName',
      label: 'register.displayName',
      hint: 'register.displayNameHint',
      autocomplete: 'nickname',
      rule: displayNameRule,
      limit: 'displayName',
    });
    field.value = current;
    const alert = new FormAlert();
    const done = new FormAlert('info', 'display-name-saved');
    const submit = translated(locale, 'button', 'settings.saveDisplayName', { type: 'submit', class: 'button-primary' });
    const form = h(
      'form',
      { class: 'stack', 'aria-labelledby': headingId, 'data-testid': 'display-name-form' },
      field.element,
      alert.element,
      done.element,
      submit,
    );
    new FormController(form, [field], alert, submit).onSubmit(async () => {
      done.clear();
      const user = await changeDisplayName(api, field.value.trim());
      field.value = user.displayName;
      await session.reloadUser();
      done.show(ref('settings.displayNameSaved'));
    });
    return h(
      'section',
      { class: 'card', 'aria-labelledby': headingId, 'data-testid': 'settings-nickname' },
      translated(locale, 'h2', 'settings.accountHeading', { id: headingId }),
      translated(locale, 'p', 'settings.displayNameNote'),
      form,
    );
  }

  #password(): HTMLElement {
    const headingId = uniqueId('settings-password');
    const current = new FormField({
      name: 'currentPassword',
      label: 'settings.currentPassword',
      type: 'password',
      autocomplete: 'current-password',
      rule: requiredRule,
    });
    const { password: next, confirm } = newPasswordFields('settings.newPassword', 'settings.newPasswordConfirm');
    const alert = new FormAlert();
    const done = new FormAlert('info', 'password-changed');
    const submit = translated(locale, 'button', 'settings.changePassword', { type: 'submit', class: 'button-primary' });
    const form = h(
      'form',
      { class: 'stack', 'aria-labelledby': headingId, 'data-testid': 'password-form' },
      current.element,
      next.element,
      confirm.element,
      new PasswordToggle('register.showPasswords', [current.input, next.input, confirm.input]).element,
      alert.element,
      done.element,
      submit,
    );
    new FormController(form, [current, next, confirm], alert, submit).onSubmit(async () => {
      done.clear();
      await changePassword(api, current.value, next.value);
      current.value = '';
      next.value = '';
      confirm.value = '';
      done.show(ref('settings.passwordChanged'));
      document.dispatchEvent(new Event(signInsChanged));
    });
    return h(
      'section',
      { class: 'card', 'aria-labelledby': headingId, 'data-testid': 'settings-password' },
      translated(locale, 'h2', 'settings.passwordHeading', { id: headingId }),
      form,
    );
  }
}

define('tp-settings-account', AccountSection);

declare global {
  interface HTMLElementTagNameMap {
    'tp-settings-account': AccountSection;
  }
}
