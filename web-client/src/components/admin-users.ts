import { LatestLoad } from '../state/latest.ts';
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
import { dateTimeFormat } from '../i18n/formats.ts';

function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(locale.intlLocale, { dateStyle: 'medium' }).format(date);
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

/** Accounts shown per page. */
const PAGE_SIZE = 50;

/**
 * For administrators: the accounts, newest first, a page at a time and searchable by username or
 * nickname, each with its roles (editable one user at a time) and the history of its roles.
 */
class AdminUsers extends Component {
  readonly #list = h('ul', { class: 'user-list', 'data-testid': 'admin-user-list' });
  readonly #search = h('input', { type: 'search', id: uniqueId('admin-search'), 'data-testid': 'admin-search', autocomplete: 'off' });
  readonly #more = translated(locale, 'button', 'admin.more', {
    type: 'button',
    class: 'button-secondary',
    'data-testid': 'admin-more',
    hidden: '',
  });
  #query = '';
  readonly #loads = new LatestLoad();
  #shown = 0;
  readonly #status = new FormAlert('info', 'admin-status');
  readonly #alert = new FormAlert('error', 'admin-alert');

  protected render(): void {
    const headingId = uniqueId('admin-heading');
    const reload = translated(locale, 'button', 'admin.reload', { type: 'button', class: 'button-quiet' });
    reload.addEventListener('click', () => void this.#load());
    const searchForm = h(
      'form',
      { class: 'admin-search', role: 'search' },
      translated(locale, 'label', 'admin.search', { for: this.#search.id }),
      h(
        'div',
        { class: 'admin-search-row' },
        this.#search,
        translated(locale, 'button', 'admin.searchButton', { type: 'submit', class: 'button-secondary' }),
      ),
    );
    searchForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#query = this.#search.value;
      void this.#load();
    });
    this.#more.addEventListener('click', () => void this.#load(true));
    this.append(
      h(
        'section',
        { class: 'card admin', 'aria-labelledby': headingId },
        translated(locale, 'h2', 'admin.heading', { id: headingId }),
        translated(locale, 'p', 'admin.intro'),
        searchForm,
        h('div', { class: 'actions' }, reload),
        this.#status.element,
        this.#alert.element,
        this.#list,
        this.#more,
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

  /** The first page for the search, or with `more` the next page after those shown. */
  async #load(more = false): Promise<void> {
    const latest = this.#loads.begin();
    this.#alert.clear();
    this.#status.show(ref('admin.loading'));
    this.#list.setAttribute('aria-busy', 'true');
    try {
      const offset = more ? this.#shown : 0;
      const users = await accounts.listUsers(api, this.#query, offset, PAGE_SIZE);
      // a search made meanwhile (or the first list, answered late) must not replace the newer answer
      if (!latest()) return;
      const items = users.map((user) => this.#item(user));
      if (more) this.#list.append(...items);
      else this.#list.replaceChildren(...items);
      this.#shown = offset + users.length;
      this.#more.hidden = users.length < PAGE_SIZE;
      // The first of the new page takes focus, so a keyboard user goes on from there.
      if (more) items[0]?.querySelector('input')?.focus();
      if (this.#shown === 0) {
        this.#status.show(ref(this.#query.trim() === '' ? 'admin.empty' : 'admin.noMatch'));
      } else {
        this.#status.clear();
      }
    } catch (error) {
      if (!latest()) return;
      this.#status.clear();
      this.#alert.show(problemText(problemOf(error).problem));
    } finally {
      if (latest()) this.#list.removeAttribute('aria-busy');
    }
  }

  /** The person's role changes, read when opened. */
  #history(user: AdminUser): HTMLDetailsElement {
    const list = h('ol', { class: 'role-history', 'data-testid': 'role-history' });
    const details = h('details', { class: 'role-history-part' }, translated(locale, 'summary', 'admin.history'), list);
    details.addEventListener('toggle', () => {
      if (!details.open) return;
      accounts
        .roleChanges(api, user.id)
        .then((changes) => {
          const describe = (names: readonly string[]): string =>
            names.map((role) => locale.first(roleText(role).keys) ?? role).join(', ') || locale.t('admin.noRoles');
          list.replaceChildren(
            ...(changes.length === 0
              ? [translated(locale, 'li', 'admin.noHistory')]
              : changes.map((change) =>
                  translated(
                    locale,
                    'li',
                    // a role accepted from an invitation is recorded in the name of the one who invited
                    ref(change.invitationId === null ? 'admin.change' : 'admin.changeByInvitation', {
                      date: formatDate(change.changedAt),
                      by: change.changedByDisplayName ?? '–',
                      before: describe(change.previousRoles),
                      after: describe(change.newRoles),
                    }),
                  ),
                )),
          );
        })
        .catch((error: unknown) => {
          const failed = h('li', { class: 'field-error' });
          setText(locale, failed, problemText(problemOf(error).problem));
          list.replaceChildren(failed);
        });
    });
    return details;
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

    return h('li', { 'data-testid': 'admin-user' }, form, this.#history(user));
  }
}

define('tp-admin-users', AdminUsers);

declare global {
  interface HTMLElementTagNameMap {
    'tp-admin-users': AdminUsers;
  }
}
