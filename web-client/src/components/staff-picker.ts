import type { StaffAccount } from '../api/coordination.ts';
import type { StaffMember } from '../api/series.ts';
import { MAX_PEER_SUPPORTERS, staffChoices } from '../coordination/plan-form.ts';
import { locale } from '../context.ts';
import { h, uniqueId } from '../dom/h.ts';
import type { CheckedField } from '../forms/form-controller.ts';
import { fieldErrorText } from '../forms/problem-text.ts';
import { type TextRef, setText, translated } from '../i18n/dom.ts';
import { FormField } from './form-field.ts';

/** Peer supporters as a group of check boxes, checked like a field. */
class PeerChoices implements CheckedField {
  readonly name = 'peerSupporterIds';
  readonly element: HTMLFieldSetElement;
  readonly #list = h('div', { class: 'choice-list' });
  readonly #none = translated(locale, 'p', 'coordinator.staff.noPeers', { class: 'note' });
  readonly #error: HTMLParagraphElement;
  readonly #facilitators: () => string[];
  #invalid = false;

  constructor(facilitators: () => string[]) {
    this.#facilitators = facilitators;
    const legendId = uniqueId('peers');
    this.#error = h('p', { id: `${legendId}-error`, class: 'field-error', hidden: true });
    this.element = h(
      'fieldset',
      { class: 'choice-group', 'aria-labelledby': legendId },
      translated(locale, 'legend', 'coordinator.staff.peers', { id: legendId }),
      translated(locale, 'p', 'coordinator.staff.peersHint', { class: 'field-hint' }),
      this.#none,
      this.#list,
      this.#error,
    );
    this.#list.addEventListener('change', () => {
      if (this.#invalid) this.validate(true);
    });
  }

  get invalid(): boolean {
    return this.#invalid;
  }

  setChoices(people: readonly StaffAccount[]): void {
    const chosen = new Set(this.values());
    this.#none.hidden = people.length > 0;
    this.#list.replaceChildren(
      ...people.map((person) => {
        const id = uniqueId('peer');
        return h(
          'div',
          { class: 'choice' },
          h('input', { type: 'checkbox', id, value: person.id, checked: chosen.has(person.id) }),
          h('label', { for: id }, person.displayName),
        );
      }),
    );
  }

  values(): string[] {
    return [...this.#list.querySelectorAll<HTMLInputElement>('input:checked')].map((box) => box.value);
  }

  check(ids: readonly string[]): void {
    for (const box of this.#list.querySelectorAll<HTMLInputElement>('input')) box.checked = ids.includes(box.value);
  }

  validate(onlyClear = false): boolean {
    const chosen = this.values();
    const facilitators = this.#facilitators();
    const code = chosen.length > MAX_PEER_SUPPORTERS ? 'size' : chosen.some((id) => facilitators.includes(id)) ? 'duplicate' : null;
    if (code === null) {
      this.showError(null);
      return true;
    }
    if (!onlyClear) this.showError(fieldErrorText(this.name, code));
    return false;
  }

  showError(text: TextRef | null): void {
    this.#invalid = text !== null;
    setText(locale, this.#error, text);
    this.#error.hidden = text === null;
    if (text === null) this.element.removeAttribute('aria-describedby');
    else this.element.setAttribute('aria-describedby', this.#error.id);
  }

  focus(): void {
    (this.#list.querySelector<HTMLInputElement>('input') ?? this.element).focus();
  }
}

/**
 * Who leads a series: one facilitator, optionally a second (a working pair, työpari), and peer
 * supporters, all chosen from the service's staff accounts by display name.
 */
export class StaffPicker {
  readonly element: HTMLDivElement;
  readonly facilitator: FormField<HTMLSelectElement>;
  readonly second: FormField<HTMLSelectElement>;
  readonly peers: PeerChoices;

  constructor() {
    this.facilitator = FormField.select({
      name: 'facilitatorIds',
      label: 'coordinator.staff.facilitator',
      autocomplete: 'off',
      rule: (value) => (value === '' ? 'not_blank' : value === this.second.value ? 'duplicate' : null),
    });
    this.second = FormField.select({
      name: 'secondFacilitator',
      label: 'coordinator.staff.secondFacilitator',
      hint: 'coordinator.staff.secondFacilitatorHint',
      autocomplete: 'off',
      required: false,
    });
    this.peers = new PeerChoices(() => this.facilitatorIds());
    this.element = h('div', { class: 'stack staff-picker' }, this.facilitator.element, this.second.element, this.peers.element);
  }

  /** The fields the form controller checks. */
  get fields(): CheckedField[] {
    return [this.facilitator, this.second, this.peers];
  }

  setStaff(staff: readonly StaffAccount[]): void {
    const { facilitators, peerSupporters } = staffChoices(staff, locale.intlLocale);
    const people = facilitators.map((person) => ({ value: person.id, label: person.displayName, translate: false as const }));
    this.facilitator.setOptions([{ value: '', label: 'coordinator.staff.choose' }, ...people]);
    this.second.setOptions([{ value: '', label: 'coordinator.staff.noSecond' }, ...people]);
    this.peers.setChoices(peerSupporters);
  }

  /** Shows a series' current staff as chosen. */
  choose(staff: readonly StaffMember[]): void {
    const leads = staff.filter((member) => member.role === 'FACILITATOR').map((member) => String(member.accountId));
    this.facilitator.value = leads[0] ?? '';
    this.second.value = leads[1] ?? '';
    this.peers.check(staff.filter((member) => member.role === 'PEER_SUPPORTER').map((member) => String(member.accountId)));
  }

  facilitatorIds(): string[] {
    return [this.facilitator.value, this.second.value].filter((id) => id !== '');
  }

  peerSupporterIds(): string[] {
    return this.peers.values();
  }
}
