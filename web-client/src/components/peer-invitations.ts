import { type PeerInvitation, acceptPeerInvitation, declinePeerInvitation, fetchOwnPeerInvitations } from '../api/peer-invitations.ts';
import { problemOf } from '../api/problem.ts';
import { api, locale, notifications, session } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, translated } from '../i18n/dom.ts';
import { invitationStatus, invitationWhat, openFirst } from '../peers/invitation-text.ts';
import { FormAlert } from './form-alert.ts';

/**
 * One's invitations to go on as a peer supporter (vertaistoimija) after a group, with accept and
 * decline for an open one. With `data-show="open"` (the home page) only open invitations, and nothing
 * at all while there are none; otherwise (one's own data) every invitation and how it ended.
 * Accepting gives the role at once: the session is read again so the new role shows everywhere.
 */
class PeerInvitations extends Component {
  readonly #section = h('section', { class: 'peer-invitations', 'data-testid': 'peer-invitations', hidden: true });
  readonly #list = h('ul', { class: 'overview-list', 'data-testid': 'peer-invitation-list' });
  readonly #status = new FormAlert('info', 'peer-invitation-status');
  readonly #alert = new FormAlert('error', 'peer-invitation-alert');
  #invitations: PeerInvitation[] = [];

  get #onlyOpen(): boolean {
    return this.dataset['show'] === 'open';
  }

  protected render(): void {
    const headingId = uniqueId('peer-invitations');
    // on the home page a box inside its card; on one's own data a card of its own
    this.#section.className = this.#onlyOpen ? 'peer-invitations card card-soft' : 'peer-invitations card';
    this.#section.setAttribute('aria-labelledby', headingId);
    this.#section.append(
      translated(locale, 'h2', this.#onlyOpen ? 'peerInvite.own.headingOpen' : 'peerInvite.own.heading', { id: headingId, tabindex: '-1' }),
      translated(locale, 'p', 'peerInvite.own.intro', { class: 'field-hint' }),
      this.#status.element,
      this.#alert.element,
      this.#list,
    );
    this.append(this.#section);
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#renderList(), { signal });
    // an invitation arriving or withdrawn is a notice: read them again
    notifications.on('notifications-changed', () => void this.#load(), { signal });
    void this.#load();
  }

  async #load(): Promise<void> {
    if (session.status !== 'signed-in') return;
    try {
      this.#invitations = openFirst(await fetchOwnPeerInvitations(api));
      this.#alert.clear();
      this.#renderList();
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
      this.#section.hidden = false;
    }
  }

  #renderList(): void {
    const shown = this.#onlyOpen ? this.#invitations.filter((item) => item.status === 'OPEN') : this.#invitations;
    // a status just shown (accepted, declined) stays in sight though the invitation left the list
    this.#section.hidden = shown.length === 0 && this.#status.element.classList.contains('is-empty');
    this.#list.replaceChildren(...shown.map((item) => this.#item(item)));
  }

  #item(invitation: PeerInvitation): HTMLLIElement {
    const what = translated(locale, 'p', invitationWhat(invitation), { class: 'appeal-what' });
    const status = translated(locale, 'p', invitationStatus(invitation, locale.intlLocale), {
      class: 'field-hint',
      'data-testid': 'peer-invitation-state',
    });
    const item = h('li', { class: 'overview-item', 'data-testid': 'peer-invitation' }, what, status);
    if (invitation.status === 'OPEN') {
      const accept = translated(locale, 'button', 'peerInvite.own.accept', {
        type: 'button',
        class: 'button-primary',
        'data-testid': 'peer-invitation-accept',
      });
      const decline = translated(locale, 'button', 'peerInvite.own.decline', {
        type: 'button',
        class: 'button-secondary',
        'data-testid': 'peer-invitation-decline',
      });
      accept.addEventListener('click', () => void this.#answer(invitation, true, [accept, decline]));
      decline.addEventListener('click', () => void this.#answer(invitation, false, [accept, decline]));
      item.append(translated(locale, 'p', 'peerInvite.own.whatItMeans'), h('div', { class: 'actions' }, accept, decline));
    }
    return item;
  }

  async #answer(invitation: PeerInvitation, accepting: boolean, buttons: HTMLButtonElement[]): Promise<void> {
    if (buttons.some((button) => button.getAttribute('aria-disabled') === 'true')) return;
    buttons.forEach((button) => button.setAttribute('aria-disabled', 'true'));
    this.#status.clear();
    this.#alert.clear();
    try {
      if (accepting) {
        await acceptPeerInvitation(api, invitation.id);
        // the role change ended the old token: the next call refreshes it and brings the new role
        await session.reloadUser();
      } else {
        await declinePeerInvitation(api, invitation.id);
      }
      this.#status.show(ref(accepting ? 'peerInvite.own.accepted' : 'peerInvite.own.declined', { series: invitation.seriesTitle }));
      await this.#load();
      this.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
      await this.#load();
    } finally {
      buttons.forEach((button) => button.removeAttribute('aria-disabled'));
    }
  }
}

define('tp-peer-invitations', PeerInvitations);

declare global {
  interface HTMLElementTagNameMap {
    'tp-peer-invitations': PeerInvitations;
  }
}
