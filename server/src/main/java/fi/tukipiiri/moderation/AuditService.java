package fi.tukipiiri.moderation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.RolesChanged;
import fi.tukipiiri.peersupport.PeerInvitationAnswered;
import fi.tukipiiri.peersupport.PeerInvitationSent;
import fi.tukipiiri.peersupport.PeerInvitationWithdrawn;
import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.MessageDeleted;
import fi.tukipiiri.rooms.MessageEdited;
import fi.tukipiiri.rooms.RoomReadByAdmin;
import fi.tukipiiri.rooms.RoomStaffChanged;
import fi.tukipiiri.series.HouseRulesChanged;

/**
 * Writes the audit log (moderation actions, role changes, peer-supporter invitations,
 * administrators reading closed rooms) and reads it back.
 */
@Service
public class AuditService {

	private final AuditLog log;

	private final Clock clock;

	AuditService(AuditLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	/**
	 * Written in the caller's transaction, so an action and its audit line commit or fail
	 * together.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void record(UUID actorId, String action, UUID roomId, UUID targetId, UUID messageId, String reason,
			String details) {
		log.append(clock.instant(), actorId, action, roomId, targetId, messageId, reason, details);
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> find(AuditFilter filter) {
		return log.find(filter);
	}

	/** A writer's edit of their own message, with the text it replaced. */
	@ApplicationModuleListener
	void on(MessageEdited edited) {
		ChatMessage message = edited.message();
		log.append(message.editedAt(), message.authorId(), "EDIT_OWN_MESSAGE", message.roomId(), message.authorId(),
				message.id(), "", edited.previousBody());
	}

	/** A writer's removal of their own message, with its text. */
	@ApplicationModuleListener
	void on(MessageDeleted deleted) {
		ChatMessage message = deleted.message();
		log.append(clock.instant(), message.authorId(), "DELETE_OWN_MESSAGE", message.roomId(), message.authorId(),
				message.id(), "", message.body());
	}

	/**
	 * The actor is the administrator, or for a role accepted from an invitation the
	 * person who invited (the acceptance itself is {@code PEER_INVITATION_ACCEPTED}).
	 */
	@ApplicationModuleListener
	void on(RolesChanged changed) {
		String via = changed.invitationId() == null ? "" : " (invitation " + changed.invitationId() + ")";
		log.append(changed.changedAt(), changed.changedBy(), "ROLES_CHANGED", null, changed.accountId(), null, "",
				names(changed.previousRoles()) + " -> " + names(changed.newRoles()) + via);
	}

	/** {@code PEER_INVITED}: who invited whom, from which series. */
	@ApplicationModuleListener
	void on(PeerInvitationSent sent) {
		log.append(sent.invitedAt(), sent.invitedBy(), "PEER_INVITED", null, sent.accountId(), null, "",
				"invitation " + sent.invitationId() + ", series " + sent.seriesId());
	}

	/** {@code PEER_INVITATION_ACCEPTED} or {@code _DECLINED}, by the person invited. */
	@ApplicationModuleListener
	void on(PeerInvitationAnswered answered) {
		log.append(answered.answeredAt(), answered.accountId(),
				answered.accepted() ? "PEER_INVITATION_ACCEPTED" : "PEER_INVITATION_DECLINED", null,
				answered.accountId(), null, "",
				"invitation " + answered.invitationId() + ", series " + answered.seriesId());
	}

	@ApplicationModuleListener
	void on(PeerInvitationWithdrawn withdrawn) {
		log.append(withdrawn.withdrawnAt(), withdrawn.withdrawnBy(), "PEER_INVITATION_WITHDRAWN", null,
				withdrawn.accountId(), null, "",
				"invitation " + withdrawn.invitationId() + ", series " + withdrawn.seriesId());
	}

	@ApplicationModuleListener
	void on(RoomStaffChanged changed) {
		log.append(changed.changedAt(), changed.changedBy(),
				changed.role() == null ? "STAFF_DISMISSED" : "STAFF_APPOINTED", changed.roomId(), changed.accountId(),
				null, "", changed.role() == null ? "" : changed.role().name());
	}

	/**
	 * {@code HOUSE_RULES_CHANGED} or {@code HOUSE_RULES_RESET} (back to the template's):
	 * a room's with its room, a series' with the series in the details.
	 */
	@ApplicationModuleListener
	void on(HouseRulesChanged changed) {
		log.append(changed.changedAt(), changed.changedBy(),
				changed.removed() ? "HOUSE_RULES_RESET" : "HOUSE_RULES_CHANGED", changed.roomId(), null, null, "",
				changed.seriesId() == null ? "" : "series " + changed.seriesId());
	}

	@ApplicationModuleListener
	void on(RoomReadByAdmin read) {
		log.append(clock.instant(), read.adminId(), "ADMIN_READ_ROOM", read.roomId(), null, null, "", read.how());
	}

	private static String names(java.util.Set<?> roles) {
		return roles.stream().map(Object::toString).sorted().collect(Collectors.joining(",", "[", "]"));
	}

}
