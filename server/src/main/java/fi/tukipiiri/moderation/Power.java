package fi.tukipiiri.moderation;

import java.util.EnumSet;
import java.util.Set;

import fi.tukipiiri.rooms.RoomRole;

/**
 * What can be done in a room, and which room roles may do it; an administrator may do all
 * of it in any room.
 */
public enum Power {

	REMOVE_MESSAGE(RoomRole.FACILITATOR), MUTE(RoomRole.FACILITATOR), REMOVE_MEMBER(RoomRole.FACILITATOR),
	BAN(RoomRole.FACILITATOR), LOCK(RoomRole.FACILITATOR), SLOW_MODE(RoomRole.FACILITATOR),
	REVIEW(RoomRole.FACILITATOR), PRIVATE_TALK(RoomRole.FACILITATOR), CRISIS_MESSAGE(RoomRole.FACILITATOR),
	PIN(RoomRole.FACILITATOR, RoomRole.PEER_SUPPORTER),
	REPORT(RoomRole.FACILITATOR, RoomRole.PEER_SUPPORTER, RoomRole.PARTICIPANT);

	private final Set<RoomRole> roles;

	Power(RoomRole first, RoomRole... more) {
		this.roles = EnumSet.of(first, more);
	}

	boolean grantedTo(RoomRole role) {
		return role != null && roles.contains(role);
	}

}
