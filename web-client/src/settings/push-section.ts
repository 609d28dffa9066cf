import type { ApiClient } from '../api/api-client.ts';
import { ApiError, problemOf } from '../api/problem.ts';
import { type PushDevice, fetchPushDevices, fetchPushPublicKey, removePushDevice } from '../api/push.ts';
import { api, locale, pushHere, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { FormAlert } from '../components/form-alert.ts';
import { PermissionRefused } from '../push/push-device.ts';
import { type PushFacts, type PushState, pushState, switchOf } from '../push/push-state.ts';

const stateText: Readonly<Record<PushState, MessageKey>> = {
  checking: 'push.state.checking',
  unsupported: 'push.state.unsupported',
  unavailable: 'push.state.unavailable',
  guest: 'push.state.guest',
  denied: 'push.state.denied',
  on: 'push.state.on',
  off: 'push.state.off',
};

/** The server's key: null when push is off there (`push.disabled`). */
async function serverKeyOf(client: ApiClient): Promise<string | null> {
  try {
    return await fetchPushPublicKey(client);
  } catch (error) {
    if (error instanceof ApiError && error.problem.code === 'push.disabled') return null;
    throw error;
  }
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale.intlLocale, { dateStyle: 'medium' }).format(date);
}

/**
 * "Notifications on this device": says what a notification shows (discreetly: never a group,
 * theme or name), a switch that asks the browser's permission only when turned on, what to do
 * when notifications are blocked, and one's devices with notifications, each removable.
 */
class PushSection extends Component {
  readonly #section = h('section', { class: 'card push-section', 'data-testid': 'push-section' });
  readonly #state = h('p', { 'data-testid': 'push-state', role: 'status' });
  readonly #switch = h('input', { type: 'checkbox', role: 'switch', 'data-testid': 'push-switch' });
  readonly #switchRow: HTMLDivElement;
  readonly #devicesHeading = translated(locale, 'h3', 'push.devices.heading');
  readonly #devices = h('ul', { class: 'overview-list', 'data-testid': 'push-devices' });
  readonly #alert = new FormAlert('error', 'push-alert');
  #facts: PushFacts = {
    supported: false,
    serverKey: undefined,
    guest: false,
    permission: 'default',
    subscribedEndpoint: null,
    serverEndpoints: undefined,
  };
  #list: PushDevice[] = [];
  #busy = false;

  constructor() {
    super();
    const switchId = uniqueId('push-switch');
    this.#switch.id = switchId;
    this.#switchRow = h('div', { class: 'check' }, this.#switch, translated(locale, 'label', 'push.switch', { for: switchId }));
  }

  protected render(): void {
    const headingId = uniqueId('push-heading');
    this.#section.setAttribute('aria-labelledby', headingId);
    this.#section.append(
      translated(locale, 'h2', 'push.heading', { id: headingId }),
      translated(locale, 'p', 'push.intro', { class: 'field-hint' }),
      this.#switchRow,
      this.#state,
      this.#alert.element,
      this.#devicesHeading,
      this.#devices,
    );
    this.#switch.addEventListener('change', () => void this.#toggle(this.#switch.checked));
    this.append(this.#section);
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#renderDevices(), { signal });
    void this.#load();
  }

  async #load(): Promise<void> {
    const supported = pushHere.supported;
    this.#facts = {
      ...this.#facts,
      supported,
      guest: session.user?.guest ?? false,
      permission: supported ? pushHere.permission : 'default',
    };
    this.#show();
    if (!supported) return;
    try {
      const serverKey = await serverKeyOf(api);
      this.#facts = { ...this.#facts, serverKey };
      if (serverKey === null || this.#facts.guest) return this.#show();
      const [subscription, devices] = await Promise.all([pushHere.current(), fetchPushDevices(api)]);
      this.#list = devices;
      this.#facts = {
        ...this.#facts,
        permission: pushHere.permission,
        subscribedEndpoint: subscription?.endpoint ?? null,
        serverEndpoints: devices.map((device) => device.endpoint),
      };
      this.#alert.clear();
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    }
    this.#show();
  }

  async #toggle(on: boolean): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.#switch.setAttribute('aria-disabled', 'true');
    this.#alert.clear();
    try {
      const key = this.#facts.serverKey;
      const user = session.user;
      if (on && typeof key === 'string' && user !== null) {
        await pushHere.turnOn(key, String(user.id));
      } else if (!on) {
        await pushHere.turnOff();
      }
    } catch (error) {
      if (error instanceof PermissionRefused) {
        if (error.permission === 'default') this.#alert.show(ref('push.notAllowed'));
      } else if (error instanceof ApiError) {
        this.#alert.show(problemText(error.problem));
      } else {
        this.#alert.show(ref('push.failed'));
      }
    } finally {
      this.#busy = false;
      this.#switch.removeAttribute('aria-disabled');
      await this.#load();
    }
  }

  async #remove(device: PushDevice, button: HTMLButtonElement): Promise<void> {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    this.#alert.clear();
    try {
      if (device.endpoint === this.#facts.subscribedEndpoint) {
        await pushHere.turnOff();
      } else {
        await removePushDevice(api, device.id);
      }
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    }
    await this.#load();
    this.querySelector<HTMLElement>('h2')?.focus();
  }

  #show(): void {
    const state = pushState(this.#facts);
    this.#section.dataset['state'] = state;
    setText(locale, this.#state, ref(stateText[state]));
    const { shown, pressed } = switchOf(state);
    this.#switchRow.hidden = !shown;
    this.#switch.checked = pressed;
    this.#renderDevices();
  }

  #renderDevices(): void {
    const listed = this.#facts.serverEndpoints !== undefined && !this.#facts.guest;
    this.#devicesHeading.hidden = !listed;
    this.#devices.hidden = !listed;
    if (!listed) return;
    if (this.#list.length === 0) {
      this.#devices.replaceChildren(translated(locale, 'li', 'push.devices.none', { class: 'field-hint' }));
      return;
    }
    this.#devices.replaceChildren(...this.#list.map((device) => this.#item(device)));
  }

  #item(device: PushDevice): HTMLLIElement {
    // a browser's and a platform's name read the same in every language
    const label = device.deviceLabel === '' ? translated(locale, 'span', 'push.devices.unknown') : h('span', {}, device.deviceLabel);
    const name = h('p', { class: 'appeal-what' }, label);
    if (device.endpoint === this.#facts.subscribedEndpoint)
      name.append(' ', translated(locale, 'span', 'push.devices.thisDevice', { class: 'role-badge' }));
    const since = h('p', { class: 'field-hint' });
    setText(locale, since, ref('push.devices.since', { date: formatDate(device.createdAt) }));
    const remove = translated(locale, 'button', 'push.devices.remove', {
      type: 'button',
      class: 'button-secondary',
      'data-testid': 'push-device-remove',
    });
    remove.addEventListener('click', () => void this.#remove(device, remove));
    return h('li', { class: 'overview-item', 'data-testid': 'push-device' }, name, since, h('div', { class: 'actions' }, remove));
  }
}

define('tp-push-section', PushSection);

declare global {
  interface HTMLElementTagNameMap {
    'tp-push-section': PushSection;
  }
}
