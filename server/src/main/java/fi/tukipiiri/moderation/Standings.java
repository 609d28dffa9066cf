package fi.tukipiiri.moderation;

import java.util.UUID;

import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.moderation.ModerationProblems.NotAllowed;
import fi.tukipiiri.moderation.ModerationProblems.NotInRoom;
import fi.tukipiiri.moderation.ModerationProblems.NotYourself;
import fi.tukipiiri.moderation.ModerationProblems.ProtectedMember;
import fi.tukipiiri.rooms.RoomMember;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.rooms.RoomService;

/**
 * Decides who may use which power on whom, from room roles and the administrator role.
 */
@Component
class Standings {

	private final RoomService rooms;

	private final AccountService accounts;

	Standings(RoomService rooms, AccountService accounts) {
		this.rooms = rooms;
		this.accounts = accounts;
	}

	Standing of(UUID roomId, UUID accountId) {
		RoomRole role = rooms.member(roomId, accountId).map(RoomMember::role).orElse(null);
		return new Standing(accountId, roomId, role, accounts.getActive(accountId).roles().contains(Role.ADMIN));
	}

	/**
	 * The actor's standing, if it carries the power; refuses otherwise (a non-member of a
	 * closed room learns nothing more).
	 */
	Standing require(UUID roomId, UUID actorId, Power power) {
		rooms.requireReader(roomId, actorId, "moderation");
		Standing actor = of(roomId, actorId);
		if (!actor.may(power)) {
			throw new NotAllowed();
		}
		return actor;
	}

	/**
	 * The target's standing, if the actor may act on them: not themselves, and protected
	 * members only by an administrator.
	 */
	Standing target(Standing actor, UUID targetId, boolean mustBeMember) {
		if (actor.accountId().equals(targetId)) {
			throw new NotYourself();
		}
		Standing target = of(actor.roomId(), targetId);
		if (mustBeMember && !target.member()) {
			throw new NotInRoom();
		}
		if (target.isProtected() && !actor.admin()) {
			throw new ProtectedMember();
		}
		return target;
	}

}
