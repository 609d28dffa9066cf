package fi.tukipiiri.moderation;

import java.util.UUID;

import fi.tukipiiri.rooms.RoomRole;

/**
 * Someone's place in one room: their room role (null if not a member) and whether they
 * administer the service.
 */
record Standing(UUID accountId, UUID roomId, RoomRole role, boolean admin) {

	boolean may(Power power) {
		return admin || power.grantedTo(role);
	}

	/** Facilitators and administrators are moderated only by administrators. */
	boolean isProtected() {
		return admin || role == RoomRole.FACILITATOR;
	}

	boolean member() {
		return role != null;
	}
}
