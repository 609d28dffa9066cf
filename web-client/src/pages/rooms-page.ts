import { problemOf } from '../api/problem.ts';
import { type Room, listRooms } from '../api/rooms.ts';
import type { CurrentUser } from '../api/types.ts';
import { FormAlert } from '../components/form-alert.ts';
import '../components/create-room-form.ts';
import { api, locale, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, translated } from '../i18n/dom.ts';
import { hashOf, roomRoute } from '../routes.ts';
import { roomTags } from '../components/room-tags.ts';

function mayCreateRooms(user: CurrentUser | null): boolean {
  return user?.roles.some((role) => role === 'COORDINATOR' || role === 'ADMIN') ?? false;
}

/** The chats one can open: open group chats and one's own closed groups. */
class RoomsPage extends Component {
  readonly #list = h('ul', { class: 'room-list', 'data-testid': 'room-list' });
  readonly #status = new FormAlert('info', 'rooms-status');
  readonly #alert = new FormAlert('error', 'rooms-alert');
  readonly #create = h('div');
  #loading = false;

  protected render(): void {
    const reload = translated(locale, 'button', 'rooms.reload', { type: 'button', class: 'button-quiet' });
    reload.addEventListener('click', () => void this.#load());
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'rooms.title', { tabindex: '-1' }),
          translated(locale, 'p', 'rooms.intro', { class: 'lead' }),
          translated(locale, 'p', 'rooms.privacy', { class: 'note' }),
          this.#status.element,
          this.#alert.element,
          this.#list,
          h('div', { class: 'actions' }, reload),
        ),
        this.#create,
        h('p', { class: 'aside' }, translated(locale, 'a', 'rooms.back', { href: hashOf('home') })),
      ),
    );
    this.#showCreate(session.user);
    void this.#load();
  }

  protected override connected(signal: AbortSignal): void {
    session.on('session-changed', (event) => this.#showCreate(event.user), { signal });
  }

  #showCreate(user: CurrentUser | null): void {
    const allowed = mayCreateRooms(user);
    if (allowed && this.#create.childElementCount === 0) {
      this.#create.append(h('tp-create-room-form'));
    } else if (!allowed) {
      this.#create.replaceChildren();
    }
  }

  async #load(): Promise<void> {
    if (this.#loading) return;
    this.#loading = true;
    this.#alert.clear();
    this.#status.show(ref('rooms.loading'));
    this.#list.setAttribute('aria-busy', 'true');
    try {
      const rooms = await listRooms(api);
      this.#list.replaceChildren(...rooms.map((room) => this.#item(room)));
      if (rooms.length === 0) {
        this.#status.show(ref('rooms.empty'));
      } else {
        this.#status.clear();
      }
    } catch (error) {
      this.#status.clear();
      const problem = problemOf(error);
      this.#alert.show(problemText(problem));
    } finally {
      this.#loading = false;
      this.#list.removeAttribute('aria-busy');
    }
  }

  #item(room: Room): HTMLLIElement {
    const theme = room.theme?.trim() ?? '';
    return h(
      'li',
      { class: 'room-item', 'data-testid': 'room-item' },
      h('h2', { class: 'room-title' }, h('a', { href: hashOf(roomRoute(room.id)), class: 'room-link', translate: 'no' }, room.title)),
      theme === '' ? null : h('p', { class: 'room-theme' }, theme),
      roomTags(room),
    );
  }
}

define('tp-rooms-page', RoomsPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-rooms-page': RoomsPage;
  }
}
