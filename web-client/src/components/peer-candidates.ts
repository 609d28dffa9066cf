import { type PeerCandidate, fetchPeerCandidates, invitePeer, withdrawPeerInvitation } from '../api/peer-invitations.ts';
import { problemOf } from '../api/problem.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { type TextRef, ref, translated } from '../i18n/dom.ts';
import { attendanceText, candidateStanding, withdrawable } from '../peers/invitation-text.ts';
import { FormAlert } from './form-alert.ts';

/**
 * For coordinators, on a completed series: its participants by nickname, how often each came, and
 * "invite as peer supporter" for those who can be invited (not staff, not already a peer supporter,
 * no open invitation); an open invitation can be withdrawn. The person decides: the role comes only
 * when they accept. Give the series with `load(seriesId)`.
 */
class PeerCandidates extends Component {
  readonly #list = h('ul', { class: 'overview-list', 'data-testid': 'peer-candidates' });
  readonly #empty = translated(locale, 'p', 'peerInvite.candidates.none', { class: 'note', hidden: '' });
  readonly #status = new FormAlert('info', 'peer-candidates-status');
  readonly #alert = new FormAlert('error', 'peer-candidates-alert');
  #seriesId = '';
  #candidates: PeerCandidate[] = [];

  protected render(): void {
    const headingId = uniqueId('peer-candidates');
    this.append(
      h(
        'section',
        { class: 'card', 'aria-labelledby': headingId, 'data-testid': 'peer-candidates-card' },
        translated(locale, 'h2', 'peerInvite.candidates.heading', { id: headingId, tabindex: '-1' }),
        translated(locale, 'p', 'peerInvite.candidates.intro', { class: 'field-hint' }),
        this.#status.element,
        this.#alert.element,
        this.#empty,
        this.#list,
      ),
    );
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#renderList(), { signal });
  }

  /** Reads the series' participants. */
  async load(seriesId: string): Promise<void> {
    this.#seriesId = seriesId;
    try {
      this.#candidates = await fetchPeerCandidates(api, seriesId);
      this.#alert.clear();
      this.#renderList();
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  #renderList(): void {
    this.#empty.hidden = this.#candidates.length > 0;
    this.#list.replaceChildren(...this.#candidates.map((candidate) => this.#item(candidate)));
  }

  #item(candidate: PeerCandidate): HTMLLIElement {
    const item = h(
      'li',
      { class: 'overview-item peer-candidate', 'data-testid': 'peer-candidate' },
      h('p', { class: 'staff-name', 'data-testid': 'peer-candidate-name' }, candidate.displayName),
      translated(locale, 'p', attendanceText(candidate), { class: 'field-hint' }),
    );
    const standing = candidateStanding(candidate, locale.intlLocale);
    if (standing !== null) item.append(translated(locale, 'p', standing, { 'data-testid': 'peer-candidate-standing' }));
    const invitation = candidate.invitation;
    if (withdrawable(candidate) && invitation !== null) {
      const withdraw = this.#button('peerInvite.candidates.withdraw', 'peerInvite.candidates.withdrawWhom', candidate, 'button-quiet');
      withdraw.addEventListener(
        'click',
        () =>
          void this.#act(
            withdraw,
            () => withdrawPeerInvitation(api, invitation.id),
            ref('peerInvite.candidates.withdrawn', { name: candidate.displayName }),
          ),
      );
      item.append(h('div', { class: 'actions' }, withdraw));
    } else if (candidate.standing === 'INVITABLE') {
      const invite = this.#button('peerInvite.candidates.invite', 'peerInvite.candidates.inviteWhom', candidate, 'button-secondary');
      invite.dataset['testid'] = 'peer-invite';
      invite.addEventListener(
        'click',
        () =>
          void this.#act(
            invite,
            () => invitePeer(api, this.#seriesId, candidate.accountId),
            ref('peerInvite.candidates.invited', { name: candidate.displayName }),
          ),
      );
      item.append(h('div', { class: 'actions' }, invite));
    }
    return item;
  }

  /** A button whose accessible name says whom it is for ("Kutsu vertaistoimijaksi: Aino"). */
  #button(
    label: 'peerInvite.candidates.invite' | 'peerInvite.candidates.withdraw',
    whom: 'peerInvite.candidates.inviteWhom' | 'peerInvite.candidates.withdrawWhom',
    candidate: PeerCandidate,
    tone: string,
  ): HTMLButtonElement {
    return h(
      'button',
      { type: 'button', class: `${tone} button-small` },
      translated(locale, 'span', label),
      translated(locale, 'span', ref(whom, { name: candidate.displayName }), { class: 'visually-hidden' }),
    );
  }

  async #act(button: HTMLButtonElement, work: () => Promise<unknown>, done: TextRef): Promise<void> {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    this.#status.clear();
    this.#alert.clear();
    try {
      await work();
      this.#status.show(done);
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    } finally {
      button.removeAttribute('aria-disabled');
    }
    await this.load(this.#seriesId);
    this.querySelector<HTMLElement>('h2')?.focus();
  }
}

define('tp-peer-candidates', PeerCandidates);

declare global {
  interface HTMLElementTagNameMap {
    'tp-peer-candidates': PeerCandidates;
  }
}
