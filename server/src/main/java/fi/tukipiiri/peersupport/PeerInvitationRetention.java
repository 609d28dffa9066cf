package fi.tukipiiri.peersupport;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import fi.tukipiiri.platform.RetentionRule;

/**
 * Deletes invitations that were declined, withdrawn or left to expire, a while after they
 * closed. Accepted ones stay with the account as the origin of its role.
 */
@Component
class PeerInvitationRetention implements RetentionRule {

	/**
	 * @param peerInvitations how long an invitation is kept after it was declined,
	 * withdrawn or expired
	 */
	@ConfigurationProperties("tukipiiri.retention")
	record Settings(@DefaultValue("365d") Duration peerInvitations) {
	}

	private final PeerInvitations invitations;

	private final Settings settings;

	PeerInvitationRetention(PeerInvitations invitations, Settings settings) {
		this.invitations = invitations;
		this.settings = settings;
	}

	@Override
	public String name() {
		return "peer-invitations";
	}

	@Override
	public int purge(Instant now) {
		return invitations.deleteClosedBefore(now.minus(settings.peerInvitations()));
	}

}
