import { FormAlert } from '../components/form-alert.ts';
import { FormField } from '../components/form-field.ts';
import { locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { FormController } from '../forms/form-controller.ts';
import { nicknameRule } from '../forms/rules.ts';
import { translated } from '../i18n/dom.ts';

/** Joining with a nickname only: the lowest threshold into the service. */
class GuestPage extends Component {
  protected render(): void {
    const nickname = new FormField({
      name: 'nickname',
      label: 'guest.nickname',
      hint: 'guest.nicknameHint',
      autocomplete: 'off',
      rule: nicknameRule,
      limit: 'nickname',
    });
    const alert = new FormAlert();
    const submit = translated(locale, 'button', 'guest.submit', { type: 'submit', class: 'button-primary' });
    const form = h('form', { class: 'stack' }, nickname.element, alert.element, submit);
    new FormController(form, [nickname], alert, submit).onSubmit(() => session.joinAsGuest({ nickname: nickname.value.trim() }));

    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'guest.title', { tabindex: '-1' }),
          translated(locale, 'p', 'guest.intro', { class: 'lead' }),
          translated(locale, 'p', 'guest.temporary', { class: 'note' }),
          form,
        ),
        h('p', { class: 'aside' }, translated(locale, 'a', 'guest.back', { href: '#/' })),
      ),
    );
  }
}

define('tp-guest-page', GuestPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-guest-page': GuestPage;
  }
}
