package fi.tukipiiri.moderation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.accounts.RolesChanged;
import fi.tukipiiri.peersupport.PeerInvitationAnswered;
import fi.tukipiiri.peersupport.PeerInvitationSent;
import fi.tukipiiri.peersupport.PeerInvitationWithdrawn;
import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.MessageDeleted;
import fi.tukipiiri.rooms.MessageEdited;
import fi.tukipiiri.rooms.RoomReadByAdmin;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomStaffChanged;
import fi.tukipiiri.series.HouseRulesChanged;

/**
 * Writes the audit log (moderation actions, role changes, peer-supporter invitations,
 * administrators reading closed rooms) and reads it back. A line written by a listener
 * here is keyed by its event ({@link #key}), so an event delivered again after a node
 * died (decision 22) adds no second line.
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
	 * @param reason what the actor wrote as the reason; empty when none
	 * @param details of the action's shape ({@link AuditAction#details()})
	 * @throws IllegalArgumentException for details of another shape
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void record(UUID actorId, AuditAction action, UUID roomId, UUID targetId, UUID messageId, String reason,
			AuditDetails details) {
		log.append(clock.instant(), actorId, action, roomId, targetId, messageId, reason, details);
	}

	/** The lines the filter asks for, newest first, with their details in shape. */
	@Transactional(readOnly = true)
	public List<AuditEntry> find(AuditFilter filter) {
		return log.find(filter);
	}

	/** A writer's edit of their own message, with the text it replaced. */
	@ApplicationModuleListener
	void on(MessageEdited edited) {
		ChatMessage message = edited.message();
		log.append(key(AuditAction.EDIT_OWN_MESSAGE, message.id(), message.editedAt(), edited.previousBody()),
				message.editedAt(), message.authorId(), AuditAction.EDIT_OWN_MESSAGE, message.roomId(),
				message.authorId(), message.id(), "", new AuditDetails.Text(edited.previousBody()));
	}

	/** A writer's removal of their own message, with its text. */
	@ApplicationModuleListener
	void on(MessageDeleted deleted) {
		ChatMessage message = deleted.message();
		log.append(key(AuditAction.DELETE_OWN_MESSAGE, message.id()), clock.instant(), message.authorId(),
				AuditAction.DELETE_OWN_MESSAGE, message.roomId(), message.authorId(), message.id(), "",
				new AuditDetails.Text(message.body()));
	}

	/**
	 * The actor is the administrator, or for a role accepted from an invitation the
	 * person who invited (the acceptance itself is {@code PEER_INVITATION_ACCEPTED}).
	 */
	@ApplicationModuleListener
	void on(RolesChanged changed) {
		log.append(
				key(AuditAction.ROLES_CHANGED, changed.accountId(), changed.changedAt(), changed.changedBy(),
						sorted(changed.previousRoles()), sorted(changed.newRoles())),
				changed.changedAt(), changed.changedBy(), AuditAction.ROLES_CHANGED, null, changed.accountId(), null,
				"", new AuditDetails.RolesChange(sorted(changed.previousRoles()), sorted(changed.newRoles()),
						changed.invitationId()));
	}

	/** {@code PEER_INVITED}: who invited whom, from which series. */
	@ApplicationModuleListener
	void on(PeerInvitationSent sent) {
		log.append(key(AuditAction.PEER_INVITED, sent.invitationId()), sent.invitedAt(), sent.invitedBy(),
				AuditAction.PEER_INVITED, null, sent.accountId(), null, "",
				new AuditDetails.Invitation(sent.invitationId(), sent.seriesId()));
	}

	/** {@code PEER_INVITATION_ACCEPTED} or {@code _DECLINED}, by the person invited. */
	@ApplicationModuleListener
	void on(PeerInvitationAnswered answered) {
		AuditAction action = answered.accepted() ? AuditAction.PEER_INVITATION_ACCEPTED
				: AuditAction.PEER_INVITATION_DECLINED;
		log.append(key(action, answered.invitationId()), answered.answeredAt(), answered.accountId(), action, null,
				answered.accountId(), null, "",
				new AuditDetails.Invitation(answered.invitationId(), answered.seriesId()));
	}

	@ApplicationModuleListener
	void on(PeerInvitationWithdrawn withdrawn) {
		log.append(key(AuditAction.PEER_INVITATION_WITHDRAWN, withdrawn.invitationId()), withdrawn.withdrawnAt(),
				withdrawn.withdrawnBy(), AuditAction.PEER_INVITATION_WITHDRAWN, null, withdrawn.accountId(), null, "",
				new AuditDetails.Invitation(withdrawn.invitationId(), withdrawn.seriesId()));
	}

	/**
	 * A participant added to or taken out of a room is {@code MEMBER_ADDED} or
	 * {@code MEMBER_REMOVED}; a facilitator or peer supporter appointed (also from a
	 * participant) is {@code STAFF_APPOINTED}, and one taken out or made a participant is
	 * {@code STAFF_DISMISSED}.
	 */
	@ApplicationModuleListener
	void on(RoomStaffChanged changed) {
		AuditAction action = staffingAction(changed.role(), changed.previousRole());
		log.append(
				key(action, changed.roomId(), changed.accountId(), changed.changedAt(), changed.changedBy(),
						changed.role(), changed.previousRole()),
				changed.changedAt(), changed.changedBy(), action, changed.roomId(), changed.accountId(), null, "",
				new AuditDetails.Staffing(changed.role(), changed.previousRole()));
	}

	static AuditAction staffingAction(RoomRole role, RoomRole previous) {
		if (staff(role)) {
			return AuditAction.STAFF_APPOINTED;
		}
		if (staff(previous)) {
			return AuditAction.STAFF_DISMISSED;
		}
		return role == null ? AuditAction.MEMBER_REMOVED : AuditAction.MEMBER_ADDED;
	}

	private static boolean staff(RoomRole role) {
		return role == RoomRole.FACILITATOR || role == RoomRole.PEER_SUPPORTER;
	}

	/**
	 * {@code HOUSE_RULES_CHANGED} or {@code HOUSE_RULES_RESET} (back to the template's):
	 * a room's with its room, a series' with the series in the details.
	 */
	@ApplicationModuleListener
	void on(HouseRulesChanged changed) {
		AuditAction action = changed.removed() ? AuditAction.HOUSE_RULES_RESET : AuditAction.HOUSE_RULES_CHANGED;
		log.append(key(action, changed.seriesId(), changed.roomId(), changed.changedAt(), changed.changedBy()),
				changed.changedAt(), changed.changedBy(), action, changed.roomId(), null, null, "",
				new AuditDetails.HouseRules(changed.seriesId()));
	}

	@ApplicationModuleListener
	void on(RoomReadByAdmin read) {
		log.append(key(AuditAction.ADMIN_READ_ROOM, read.roomId(), read.adminId(), read.how(), read.readAt()),
				read.readAt(), read.adminId(), AuditAction.ADMIN_READ_ROOM, read.roomId(), null, null, "",
				new AuditDetails.AdminRead(read.how()));
	}

	/**
	 * The key of the one line an event gives: the action and everything that tells the
	 * event from another (ids, who, the instant, what changed), hashed into a name-based
	 * UUID, so that a line holds no more than its own columns do. Two events that differ
	 * only in a part left out would be taken for one: at the same instant (a clock held
	 * still in tests) a coordinator's and a facilitator's change of one series' rules
	 * were.
	 */
	static UUID key(AuditAction action, Object... identity) {
		StringBuilder name = new StringBuilder(action.name());
		for (Object part : identity) {
			name.append('|').append(part);
		}
		return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static List<Role> sorted(Set<Role> roles) {
		return roles.stream().sorted().toList();
	}

}
