package fi.tukipiiri.notifications;

import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import fi.tukipiiri.peersupport.PeerInvitationAnswered;
import fi.tukipiiri.peersupport.PeerInvitationSent;
import fi.tukipiiri.peersupport.PeerInvitationWithdrawn;

/**
 * Tells a person they were invited to go on as a peer supporter (and when that invitation
 * is withdrawn), and the one who invited how the person answered. Every notice's subject
 * is the invitation.
 */
@Component
class PeerSupportNotices {

	private final NotificationService notifications;

	PeerSupportNotices(NotificationService notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(PeerInvitationSent sent) {
		notifications.notify(sent.accountId(), NoticeKind.PEER_INVITATION_RECEIVED, sent.invitationId(),
				Map.of("seriesId", sent.seriesId().toString(), "seriesTitle", sent.seriesTitle(), "expiresAt",
						sent.expiresAt().toString()));
	}

	@ApplicationModuleListener
	void on(PeerInvitationWithdrawn withdrawn) {
		notifications.notify(withdrawn.accountId(), NoticeKind.PEER_INVITATION_WITHDRAWN, withdrawn.invitationId(),
				Map.of("seriesId", withdrawn.seriesId().toString(), "seriesTitle", withdrawn.seriesTitle()));
	}

	/**
	 * Params {@code seriesId}, {@code seriesTitle}, {@code accountId} and
	 * {@code displayName} of the person who answered (dropped if they erase their
	 * account).
	 */
	@ApplicationModuleListener
	void on(PeerInvitationAnswered answered) {
		if (answered.invitedBy() == null) {
			return;
		}
		notifications.notify(answered.invitedBy(),
				answered.accepted() ? NoticeKind.PEER_INVITATION_ACCEPTED : NoticeKind.PEER_INVITATION_DECLINED,
				answered.invitationId(),
				Map.of("seriesId", answered.seriesId().toString(), "seriesTitle", answered.seriesTitle(), "accountId",
						answered.accountId().toString(), "displayName", answered.displayName()));
	}

}
