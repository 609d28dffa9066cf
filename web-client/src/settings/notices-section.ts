import { type NoticeCategory, type ReachSettings, fetchReach, saveReach } from '../api/reach.ts';
import { problemOf } from '../api/problem.ts';
import { CheckField } from '../components/check-field.ts';
import { FormAlert } from '../components/form-alert.ts';
import { FormField } from '../components/form-field.ts';
import { api, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { FormController } from '../forms/form-controller.ts';
import { problemText } from '../forms/problem-text.ts';
import type { Rule } from '../forms/rules.ts';
import { ref, translated } from '../i18n/dom.ts';
import { categoriesFor, changeOf, hoursAndMinutes, missingQuietHour } from '../reach/notice-choices.ts';
import { reachChanged } from './email-section.ts';

/** One category's two boxes. */
type CategoryBoxes = { email: HTMLInputElement; push: HTMLInputElement };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * "Notices outside the app": per category a box for e-mail and one for notifications on one's
 * devices (e-mail waits for a verified address and says so), a second reminder an hour before,
 * fuller texts (off by default: a lock screen or an inbox then shows the group's name), and quiet
 * hours in Helsinki time, both or neither. Safety notices are offered only to staff.
 */
class NoticesSection extends Component {
  readonly #boxes = new Map<NoticeCategory, CategoryBoxes>();
  readonly #emailHintId = uniqueId('notices-email-hint');
  readonly #emailHint = translated(locale, 'p', 'reach.notices.emailNeedsAddress', {
    id: this.#emailHintId,
    class: 'field-hint',
    'data-testid': 'notices-email-hint',
  });
  readonly #hourBefore = new CheckField({ name: 'remindHourBefore', label: 'reach.notices.hourBefore' });
  readonly #fullTexts = new CheckField({ name: 'fullTexts', label: 'reach.notices.fullTexts', hint: 'reach.notices.fullTextsWarning' });
  readonly #quietFrom: FormField;
  readonly #quietUntil: FormField;
  readonly #submit = translated(locale, 'button', 'reach.notices.save', { type: 'submit', class: 'button-primary' });
  readonly #alert = new FormAlert('error', 'notices-alert');
  readonly #status = new FormAlert('info', 'notices-status');
  readonly #form = h('form', { class: 'stack', 'data-testid': 'notices-form', hidden: '' });
  #settings: ReachSettings | null = null;

  constructor() {
    super();
    // a time as the input gives it, and quiet hours both or neither
    const timeRule =
      (name: 'quietFrom' | 'quietUntil'): Rule =>
      (value) => {
        if (value !== '' && !TIME.test(value)) return 'invalid';
        return missingQuietHour(this.#quietFrom.value, this.#quietUntil.value) === name ? 'not_blank' : null;
      };
    this.#quietFrom = new FormField({
      name: 'quietFrom',
      label: 'reach.notices.quietFrom',
      type: 'time',
      autocomplete: 'off',
      required: false,
      rule: timeRule('quietFrom'),
    });
    this.#quietUntil = new FormField({
      name: 'quietUntil',
      label: 'reach.notices.quietUntil',
      type: 'time',
      autocomplete: 'off',
      required: false,
      rule: timeRule('quietUntil'),
    });
  }

  protected render(): void {
    const headingId = uniqueId('notices-heading');
    const section = h('section', { class: 'card notices-section', 'aria-labelledby': headingId, 'data-testid': 'notices-section' });
    section.append(translated(locale, 'h2', 'reach.notices.heading', { id: headingId }));
    this.append(section);
    const user = session.user;
    if (user === null || user.guest) {
      section.append(translated(locale, 'p', 'reach.notices.guest', { 'data-testid': 'notices-guest' }));
      return;
    }
    const quietHintId = uniqueId('quiet-hint');
    this.#form.setAttribute('aria-labelledby', headingId);
    this.#form.append(
      h(
        'fieldset',
        { class: 'notice-channels', 'aria-describedby': this.#emailHintId },
        translated(locale, 'legend', 'reach.notices.channelsLegend'),
        this.#emailHint,
        ...categoriesFor(user).map((category) => this.#category(category)),
      ),
      h(
        'fieldset',
        { class: 'notice-options' },
        translated(locale, 'legend', 'reach.notices.optionsLegend'),
        this.#hourBefore.element,
        this.#fullTexts.element,
      ),
      h(
        'fieldset',
        { class: 'notice-quiet', 'aria-describedby': quietHintId },
        translated(locale, 'legend', 'reach.notices.quietLegend'),
        translated(locale, 'p', 'reach.notices.quietHint', { id: quietHintId, class: 'field-hint' }),
        h('div', { class: 'quiet-hours' }, this.#quietFrom.element, this.#quietUntil.element),
      ),
      this.#alert.element,
      this.#status.element,
      this.#submit,
    );
    this.#fullTexts.element.querySelector('.field-hint')?.classList.add('notice-warning');
    new FormController(this.#form, [this.#quietFrom, this.#quietUntil], this.#alert, this.#submit).onSubmit(() => this.#save());
    section.append(translated(locale, 'p', 'reach.notices.intro', { class: 'field-hint' }), this.#form);
  }

  protected override connected(signal: AbortSignal): void {
    if (session.user === null || session.user.guest) return;
    document.addEventListener(reachChanged, () => void this.#load(), { signal });
    void this.#load();
  }

  #category(category: NoticeCategory): HTMLFieldSetElement {
    const box = (channel: 'email' | 'push'): [HTMLInputElement, HTMLDivElement] => {
      const id = uniqueId(`notice-${channel}-${category}`);
      const input = h('input', { type: 'checkbox', id, name: `${channel}-${category}`, 'data-testid': `notice-${channel}-${category}` });
      const label = translated(locale, 'label', channel === 'email' ? 'reach.notices.byEmail' : 'reach.notices.byPush', { for: id });
      return [input, h('div', { class: 'check' }, input, label)];
    };
    const [email, emailRow] = box('email');
    const [push, pushRow] = box('push');
    email.setAttribute('aria-describedby', this.#emailHintId);
    this.#boxes.set(category, { email, push });
    return h(
      'fieldset',
      { class: 'notice-category', 'data-category': category },
      translated(locale, 'legend', `reach.category.${category}` as const),
      translated(locale, 'p', `reach.category.${category}.hint` as const, { class: 'field-hint' }),
      h('div', { class: 'notice-boxes' }, emailRow, pushRow),
    );
  }

  async #load(): Promise<void> {
    try {
      this.#show(await fetchReach(api));
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  #show(settings: ReachSettings): void {
    this.#settings = settings;
    const emailUsable = settings.email !== null && settings.emailVerified;
    this.dataset['emailUsable'] = String(emailUsable);
    this.#emailHint.hidden = emailUsable;
    for (const [category, { email, push }] of this.#boxes) {
      email.checked = settings.emailCategories.includes(category);
      email.disabled = !emailUsable;
      push.checked = settings.pushCategories.includes(category);
    }
    this.#hourBefore.checked = settings.remindHourBefore;
    this.#fullTexts.checked = settings.fullTexts;
    this.#quietFrom.value = hoursAndMinutes(settings.quietFrom);
    this.#quietUntil.value = hoursAndMinutes(settings.quietUntil);
    this.#form.hidden = false;
  }

  async #save(): Promise<void> {
    this.#status.clear();
    const current = this.#settings;
    if (current === null) return;
    const ticked = (channel: 'email' | 'push'): Set<NoticeCategory> =>
      new Set([...this.#boxes].filter(([, boxes]) => boxes[channel].checked).map(([category]) => category));
    const saved = await saveReach(
      api,
      changeOf(current, {
        language: locale.locale,
        fullTexts: this.#fullTexts.checked,
        remindHourBefore: this.#hourBefore.checked,
        quietFrom: this.#quietFrom.value,
        quietUntil: this.#quietUntil.value,
        shown: [...this.#boxes.keys()],
        email: ticked('email'),
        push: ticked('push'),
      }),
    );
    this.#show(saved);
    this.#status.show(ref('reach.notices.saved'));
  }
}

define('tp-settings-notices', NoticesSection);

declare global {
  interface HTMLElementTagNameMap {
    'tp-settings-notices': NoticesSection;
  }
}
