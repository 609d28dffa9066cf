package fi.tukipiiri.peersupport;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.PersonalData;

/**
 * The invitations a person received to go on as a peer supporter. Erasure deletes them
 * (the rows would go with the account anyway); invitations a coordinator made stay with
 * their invitees, without the coordinator.
 */
@Component
class PeerInvitationsPersonalData implements PersonalData {

	private final PeerInvitations invitations;

	private final Clock clock;

	PeerInvitationsPersonalData(PeerInvitations invitations, Clock clock) {
		this.invitations = invitations;
		this.clock = clock;
	}

	/** One invitation received, without anyone's account id but one's own series'. */
	record OwnInvitation(UUID id, UUID seriesId, String seriesTitle, String invitedByName, PeerInvitation.Status status,
			Instant createdAt, Instant expiresAt, Instant closedAt) {
	}

	@Override
	public String part() {
		return "peerInvitations";
	}

	@Override
	public Object exportOf(UUID accountId) {
		return invitations.ofAccount(accountId, clock.instant())
			.stream()
			.map(i -> new OwnInvitation(i.id(), i.seriesId(), i.seriesTitle(), i.invitedByName(), i.status(),
					i.createdAt(), i.expiresAt(), i.closedAt()))
			.toList();
	}

	@Override
	public void erase(UUID accountId) {
		invitations.deleteOf(accountId);
	}

}
