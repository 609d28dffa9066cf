import { describe, expect, it } from 'vitest';
import type { PeerCandidate, PeerInvitation } from '../api/peer-invitations.ts';
import finnish from '../i18n/fi.json';
import { Translator } from '../i18n/translator.ts';
import { attendanceText, candidateStanding, invitationStatus, invitationWhat, openFirst, withdrawable } from './invitation-text.ts';

function invitation(extra: Partial<PeerInvitation> = {}): PeerInvitation {
  return {
    id: 'i1',
    seriesId: 's1',
    seriesTitle: 'Minä, tunteet ja taidot – kevät',
    accountId: 'a1',
    displayName: 'Aino',
    invitedBy: 'c1',
    invitedByName: 'Koordinaattori Kaisa',
    status: 'OPEN',
    createdAt: '2027-03-01T10:00:00Z',
    expiresAt: '2027-03-31T10:00:00Z',
    closedAt: null,
    ...extra,
  };
}

function candidate(extra: Partial<PeerCandidate> = {}): PeerCandidate {
  return { accountId: 'a1', displayName: 'Aino', sessionsAttended: 7, sessionsHeld: 9, standing: 'INVITABLE', invitation: null, ...extra };
}

describe('peer-supporter invitations', () => {
  const fi = new Translator(finnish, finnish);
  const text = (ref: { keys: readonly string[]; params?: Record<string, string | number> } | null): string | undefined =>
    ref === null ? undefined : fi.first(ref.keys, ref.params);

  it('says who invited and after which group, without a name once the inviter is gone', () => {
    expect(text(invitationWhat(invitation()))).toBe(
      'Koordinaattori Kaisa kutsuu sinut jatkamaan vertaistoimijana ryhmän Minä, tunteet ja taidot – kevät jälkeen.',
    );
    expect(text(invitationWhat(invitation({ invitedByName: null, invitedBy: null })))).toBe(
      'Sinut on kutsuttu jatkamaan vertaistoimijana ryhmän Minä, tunteet ja taidot – kevät jälkeen.',
    );
  });

  it('tells until when an open invitation holds and when a closed one closed, in Helsinki days', () => {
    expect(text(invitationStatus(invitation(), 'fi-FI'))).toBe('Kutsu on voimassa 31.3.2027 asti.');
    expect(text(invitationStatus(invitation({ status: 'ACCEPTED', closedAt: '2027-03-02T22:30:00Z' }), 'fi-FI'))).toBe(
      'Otit kutsun vastaan 3.3.2027.',
    );
    expect(text(invitationStatus(invitation({ status: 'EXPIRED', closedAt: null }), 'fi-FI'))).toBe('Kutsu vanheni 31.3.2027.');
    for (const status of ['DECLINED', 'WITHDRAWN'] as const) {
      expect(finnish).toHaveProperty([`peerInvite.status.${status}`]);
    }
  });

  it("describes a participant for the coordinator: attendance, and staff, invited or the last invitation's end", () => {
    expect(text(attendanceText(candidate()))).toBe('Osallistui 7/9 tapaamiseen');
    expect(candidateStanding(candidate(), 'fi-FI')).toBeNull();
    expect(text(candidateStanding(candidate({ standing: 'HAS_ROLE' }), 'fi-FI'))).toBe('Jo vertaistoimija tai henkilökuntaa');
    const invited = candidate({ standing: 'INVITED', invitation: invitation() });
    expect(text(candidateStanding(invited, 'fi-FI'))).toBe('Kutsuttu, voimassa 31.3.2027 asti.');
    const declined = candidate({ invitation: invitation({ status: 'DECLINED', closedAt: '2027-03-05T10:00:00Z' }) });
    expect(text(candidateStanding(declined, 'fi-FI'))).toBe('Kieltäytyi kutsusta 5.3.2027.');
    expect(withdrawable(invited)).toBe(true);
    expect(withdrawable(candidate({ invitation: invitation({ status: 'DECLINED', closedAt: '2027-03-05T10:00:00Z' }) }))).toBe(false);
  });

  it('lists open invitations first', () => {
    const list = [invitation({ id: 'old', status: 'DECLINED' }), invitation({ id: 'new' })];
    expect(openFirst(list).map((item) => item.id)).toEqual(['new', 'old']);
  });
});
