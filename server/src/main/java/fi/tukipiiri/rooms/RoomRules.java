package fi.tukipiiri.rooms;

import java.util.UUID;

/**
 * Rules other features add to rooms without rooms knowing them (moderation: mutes, bans,
 * slow mode, flood limits). Rooms asks every registered implementation; none means no
 * extra rules.
 */
public interface RoomRules {

	/**
	 * Throws an {@link fi.tukipiiri.platform.ApiProblem} when this member may not post to
	 * the room now.
	 */
	void checkSend(UUID roomId, RoomMember author);

	/**
	 * Whether this person is kept out of the room (for example banned from it or from its
	 * series).
	 */
	boolean barred(UUID roomId, UUID accountId);

}
