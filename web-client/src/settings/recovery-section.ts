import { recoveryCodesLeft, regenerateRecoveryCodes } from '../api/accounts.ts';
import { ApiError } from '../api/problem.ts';
import { FormAlert } from '../components/form-alert.ts';
import { FormField } from '../components/form-field.ts';
import { PasswordToggle } from '../components/password-toggle.ts';
import { api, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { FormController } from '../forms/form-controller.ts';
import { requiredRule } from '../forms/rules.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { RecoveryCodesView } from './recovery-codes-view.ts';

/**
 * One's recovery codes: how many are left, and ten new ones for the old (the password is asked).
 * New codes are shown here once, until the person says they saved them. Guests have none and do
 * not see this section.
 */
class RecoverySection extends Component {
  protected render(): void {
    const user = session.user;
    if (user === null || user.guest || user.username === null) {
      this.hidden = true;
      return;
    }
    const username = user.username;
    const headingId = uniqueId('settings-recovery');
    const remaining = h('p', { 'data-testid': 'recovery-remaining' });
    const shown = h('div', { class: 'stack', hidden: true, 'data-testid': 'new-recovery-codes' });
    const password = new FormField({
      name: 'password',
      label: 'settings.recoveryPassword',
      hint: 'settings.recoveryPasswordHint',
      type: 'password',
      autocomplete: 'current-password',
      rule: requiredRule,
    });
    const alert = new FormAlert();
    const submit = translated(locale, 'button', 'settings.regenerate', { type: 'submit', class: 'button-secondary' });
    const form = h(
      'form',
      { class: 'stack', 'aria-labelledby': headingId, 'data-testid': 'regenerate-form' },
      password.element,
      new PasswordToggle('form.showPassword', [password.input]).element,
      alert.element,
      submit,
    );
    const showCount = (count: number): void => setText(locale, remaining, ref('settings.recoveryRemaining', { count }));
    new FormController(form, [password], alert, submit).onSubmit(async () => {
      let fresh;
      try {
        fresh = await regenerateRecoveryCodes(api, password.value);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'accounts.password_mismatch') password.value = '';
        throw error;
      }
      password.value = '';
      showCount(fresh.remaining);
      const done = translated(locale, 'button', 'settings.recoveryDone', {
        type: 'button',
        class: 'button-primary',
        'data-testid': 'recovery-done',
      });
      done.addEventListener('click', () => {
        shown.replaceChildren();
        shown.hidden = true;
        form.hidden = false;
        submit.focus();
      });
      const heading = translated(locale, 'h3', 'recoveryCodes.heading', { tabindex: '-1' });
      shown.replaceChildren(
        heading,
        translated(locale, 'p', 'recoveryCodes.intro'),
        new RecoveryCodesView(fresh.recoveryCodes, username).element,
        done,
      );
      shown.hidden = false;
      form.hidden = true;
      heading.focus();
    });
    this.append(
      h(
        'section',
        { class: 'card', 'aria-labelledby': headingId, 'data-testid': 'settings-recovery' },
        translated(locale, 'h2', 'settings.recoveryHeading', { id: headingId }),
        translated(locale, 'p', 'settings.recoveryIntro'),
        remaining,
        shown,
        form,
      ),
    );
    void recoveryCodesLeft(api)
      .then((left) => showCount(left.remaining))
      .catch(() => undefined);
  }
}

define('tp-settings-recovery', RecoverySection);

declare global {
  interface HTMLElementTagNameMap {
    'tp-settings-recovery': RecoverySection;
  }
}
