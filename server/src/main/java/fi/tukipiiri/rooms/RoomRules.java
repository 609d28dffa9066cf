package fi.tukipiiri.rooms;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fi.tukipiiri.platform.ApiProblem;

/**
 * Rules other features add to rooms without rooms knowing them (moderation: mutes, bans,
 * slow mode, flood limits). Rooms asks every registered implementation; none means no
 * extra rules.
 */
public interface RoomRules {

	/** A member about to post a message to a room. */
	record Sender(UUID roomId, RoomMember author) {
	}

	/**
	 * Whether each sender may post now. Messages stored together are checked together, in
	 * the order they arrived; one person may appear more than once, and each message
	 * counts (towards a flood limit, say) as if it had come alone.
	 * @return one entry per sender, in the same order: empty when the message may be
	 * posted, otherwise the refusal its sender is answered with
	 */
	List<Optional<ApiProblem>> checkSends(List<Sender> senders);

	/**
	 * Whether a member may change a message they wrote now (an edit): empty when they
	 * may, otherwise the refusal (a mute, say). No limit on sending is spent.
	 */
	default Optional<ApiProblem> checkEdit(Sender writer) {
		return Optional.empty();
	}

	/**
	 * Whether this person is kept out of the room (for example banned from it or from its
	 * series).
	 */
	boolean barred(UUID roomId, UUID accountId);

}
