import * as accounts from '../api/accounts.ts';
import { ApiError } from '../api/problem.ts';
import { type AdminUser, type Role, roles } from '../api/types.ts';
import { api, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { roleText } from '../i18n/role-text.ts';
import { FormAlert } from './form-alert.ts';

const TIME_ZONE = 'Europe/Helsinki';

function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale.intlLocale, { dateStyle: 'medium', timeZone: TIME_ZONE }).format(date);
}

/** "Joined 23 Nov 2026", in the current language; the date stays in `data-created`. */
function showCreated(element: HTMLElement): HTMLElement {
  const iso = element.dataset['created'] ?? '';
  setText(locale, element, ref('admin.created', { date: formatDate(iso) }));
  return element;
}

function problemOf(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError({ status: 0, code: 'unknown' });
}

/** For administrators: every account with its roles, editable one user at a time. */
class AdminUsers extends Component {
  readonly #list = h('ul', { class: 'user-list', 'data-testid': 'admin-user-list' });
  readonly #status = new FormAlert('info', 'admin-status');
  readonly #alert = new FormAlert('error', 'admin-alert');

  protected render(): void {
    const headingId = uniqueId('admin-heading');
    const reload = translated(locale, 'button', 'admin.reload', { type: 'button', class: 'button-quiet' });
    reload.addEventListener('click', () => void this.#load());
    this.append(
      h(
        'section',
        { class: 'card admin', 'aria-labelledby': headingId },
        translated(locale, 'h2', 'admin.heading', { id: headingId }),
        translated(locale, 'p', 'admin.intro'),
        h('div', { class: 'actions' }, reload),
        this.#status.element,
        this.#alert.element,
        this.#list,
      ),
    );
    void this.#load();
  }

  protected override connected(signal: AbortSignal): void {
    locale.on(
      'locale-changed',
      () => {
        for (const element of this.querySelectorAll<HTMLElement>('[data-created]')) {
          showCreated(element);
        }
      },
      { signal },
    );
  }

  async #load(): Promise<void> {
    this.#alert.clear();
    this.#status.show(ref('admin.loading'));
    this.#list.setAttribute('aria-busy', 'true');
    try {
      const users = await accounts.listUsers(api);
      this.#list.replaceChildren(...users.map((user) => this.#item(user)));
      if (users.length === 0) {
        this.#status.show(ref('admin.empty'));
      } else {
        this.#status.clear();
      }
    } catch (error) {
      this.#status.clear();
      this.#alert.show(problemText(problemOf(error).problem));
    } finally {
      this.#list.removeAttribute('aria-busy');
    }
  }

  #item(user: AdminUser): HTMLLIElement {
    const legendId = uniqueId('user');
    const isSelf = session.user !== null && String(session.user.id) === String(user.id);
    const selfHintId = isSelf ? uniqueId('self-admin') : null;
    const checkboxes = new Map<Role, HTMLInputElement>();

    const choices = h('div', { class: 'role-choices' });
    for (const role of roles) {
      const id = uniqueId(`role-${role.toLowerCase()}`);
      const locked = isSelf && role === 'ADMIN';
      const checkbox = h('input', {
        type: 'checkbox',
        id,
        name: 'roles',
        value: role,
        checked: user.roles.includes(role),
        disabled: locked,
        'aria-describedby': locked ? selfHintId : null,
      });
      checkboxes.set(role, checkbox);
      choices.append(h('div', { class: 'check' }, checkbox, translated(locale, 'label', roleText(role), { for: id })));
    }

    const name = h('span', { class: 'user-name' }, user.displayName);
    const legend = h('legend', { id: legendId }, name, user.guest ? translated(locale, 'span', 'admin.guest', { class: 'badge' }) : null);
    const meta = h(
      'p',
      { class: 'user-meta' },
      user.username === null ? null : translated(locale, 'span', ref('admin.username', { username: user.username })),
      user.username === null ? null : ' · ',
      showCreated(h('span', { 'data-created': user.createdAt })),
    );
    const selfHint = selfHintId ? translated(locale, 'p', 'admin.ownAdminLocked', { id: selfHintId, class: 'field-hint' }) : null;
    const result = h('p', { class: 'save-result', role: 'status' });
    const save = translated(locale, 'button', 'admin.save', {
      type: 'submit',
      class: 'button-secondary',
      'aria-describedby': legendId,
    });
    const form = h(
      'form',
      { class: 'user-roles' },
      h('fieldset', {}, legend, meta, choices, selfHint),
      h('div', { class: 'actions' }, save, result),
    );

    let busy = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (busy) return;
      busy = true;
      save.setAttribute('aria-disabled', 'true');
      setText(locale, result, null);
      result.classList.remove('is-error');
      const selected = roles.filter((role) => checkboxes.get(role)?.checked === true);
      accounts
        .updateRoles(api, user.id, selected)
        .then((updated) => {
          for (const [role, checkbox] of checkboxes) {
            checkbox.checked = updated.roles.includes(role);
          }
          setText(locale, result, ref('admin.saved'));
          if (isSelf) return session.reloadUser();
          return undefined;
        })
        .catch((error: unknown) => {
          result.classList.add('is-error');
          setText(locale, result, problemText(problemOf(error).problem));
        })
        .finally(() => {
          busy = false;
          save.removeAttribute('aria-disabled');
        });
    });

    return h('li', { 'data-testid': 'admin-user' }, form);
  }
}

define('tp-admin-users', AdminUsers);

declare global {
  interface HTMLElementTagNameMap {
    'tp-admin-users': AdminUsers;
  }
}
