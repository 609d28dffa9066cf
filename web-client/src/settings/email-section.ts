import { type ReachSettings, addEmail, fetchReach, removeEmail } from '../api/reach.ts';
import { problemOf } from '../api/problem.ts';
import { FormAlert } from '../components/form-alert.ts';
import { FormField } from '../components/form-field.ts';
import { api, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { FormController } from '../forms/form-controller.ts';
import { problemText } from '../forms/problem-text.ts';
import { requiredRule } from '../forms/rules.ts';
import { ref, setText, translated } from '../i18n/dom.ts';

/**
 * Dispatched on `document` when one's address changed here, so the notice settings (whose e-mail
 * boxes wait for a verified address) read the settings again.
 */
export const reachChanged = 'tp-reach-changed';

/**
 * One's e-mail address: shown only to its owner (the section says so), with whether it is
 * verified; a new address gets a link to open within the link's lifetime before it is used; the
 * address can be removed. Guests are told a guest pass cannot have an address.
 */
class EmailSection extends Component {
  readonly #current = h('p', { 'data-testid': 'email-current' });
  readonly #verified = h('p', { class: 'field-hint', 'data-testid': 'email-verified' });
  readonly #field = new FormField({
    name: 'email',
    label: 'reach.emailSection.address',
    hint: 'reach.emailSection.addressHint',
    type: 'email',
    autocomplete: 'email',
    verbatim: true,
    rule: requiredRule,
  });
  readonly #submit = translated(locale, 'button', 'reach.emailSection.send', { type: 'submit', class: 'button-primary' });
  readonly #alert = new FormAlert('error', 'email-alert');
  readonly #status = new FormAlert('info', 'email-status');
  readonly #remove = translated(locale, 'button', 'reach.emailSection.remove', {
    type: 'button',
    class: 'button-secondary',
    'data-testid': 'email-remove',
    hidden: '',
  });
  #settings: ReachSettings | null = null;

  protected render(): void {
    const headingId = uniqueId('email-heading');
    const section = h('section', { class: 'card', 'aria-labelledby': headingId, 'data-testid': 'email-section' });
    section.append(translated(locale, 'h2', 'reach.emailSection.heading', { id: headingId }));
    this.append(section);
    if (session.user === null || session.user.guest) {
      section.append(translated(locale, 'p', 'error.reach.guest_no_email', { 'data-testid': 'email-guest' }));
      return;
    }
    this.#field.input.setAttribute('inputmode', 'email');
    const form = h(
      'form',
      { class: 'stack', 'aria-labelledby': headingId, 'data-testid': 'email-form' },
      this.#field.element,
      this.#alert.element,
      this.#submit,
    );
    new FormController(form, [this.#field], this.#alert, this.#submit).onSubmit(async () => {
      this.#status.clear();
      const address = this.#field.value.trim();
      await addEmail(api, address);
      this.#field.value = '';
      this.#status.show(ref('reach.emailSection.sent', { email: address }));
    });
    this.#remove.addEventListener('click', () => void this.#removeAddress());
    section.append(
      translated(locale, 'p', 'reach.emailSection.private', { class: 'field-hint' }),
      this.#current,
      this.#verified,
      h('div', { class: 'actions' }, this.#remove),
      this.#status.element,
      form,
    );
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.#settings = await fetchReach(api);
      this.#show();
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  #show(): void {
    const email = this.#settings?.email ?? null;
    const verified = this.#settings?.emailVerified ?? false;
    this.dataset['verified'] = String(email !== null && verified);
    if (email === null) {
      setText(locale, this.#current, ref('reach.emailSection.none'));
      setText(locale, this.#verified, null);
    } else {
      setText(locale, this.#current, ref('reach.emailSection.current', { email }));
      setText(locale, this.#verified, ref(verified ? 'reach.emailSection.verified' : 'reach.emailSection.unverified'));
    }
    this.#verified.hidden = email === null;
    this.#remove.hidden = email === null;
    setText(locale, this.#submit, ref(email === null ? 'reach.emailSection.send' : 'reach.emailSection.change'));
  }

  async #removeAddress(): Promise<void> {
    if (this.#remove.getAttribute('aria-disabled') === 'true') return;
    this.#remove.setAttribute('aria-disabled', 'true');
    this.#alert.clear();
    this.#status.clear();
    try {
      await removeEmail(api);
      this.#status.show(ref('reach.emailSection.removed'));
      document.dispatchEvent(new Event(reachChanged));
      await this.#load();
      this.#field.focus();
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    } finally {
      this.#remove.removeAttribute('aria-disabled');
    }
  }
}

define('tp-settings-email', EmailSection);

declare global {
  interface HTMLElementTagNameMap {
    'tp-settings-email': EmailSection;
  }
}
