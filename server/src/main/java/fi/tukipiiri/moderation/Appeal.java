package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's appeal of a mute or a ban, as coordinators and administrators read it: the
 * person's display name, the sanction appealed and, once answered, the answer.
 *
 * @param displayName the appellant's display name
 * @param text what they wrote, 1–1,000 code points
 * @param answer the answer; null until answered
 * @param answeredBy who answered; null until answered, or once their account is gone
 * @param answeredByName their display name, null likewise
 * @param outcome null until answered
 */
public record Appeal(UUID id, UUID accountId, String displayName, String text, Instant createdAt,
		AppealedSanction sanction, String answer, UUID answeredBy, String answeredByName, Instant answeredAt,
		Outcome outcome) {

	/** What the answer did to the sanction. */
	public enum Outcome {

		/** The sanction stays as it was. */
		UPHELD,
		/** The sanction was lifted as a facilitator's unmute or unban lifts it. */
		LIFTED

	}

	/**
	 * The sanction appealed.
	 *
	 * @param roomId the room where it was imposed
	 * @param seriesId set for a ban from the whole series
	 * @param reason the reason given, {@code ""} for none
	 * @param imposedBy null once that account is gone
	 * @param imposedByName null likewise
	 * @param endsAt null: until lifted
	 * @param liftedAt when it was lifted; null while not lifted
	 * @param inForce whether it holds now (neither lifted nor ended)
	 */
	public record AppealedSanction(UUID id, Sanction.Kind kind, UUID roomId, String roomTitle, UUID seriesId,
			String reason, UUID imposedBy, String imposedByName, Instant imposedAt, Instant endsAt, Instant liftedAt,
			boolean inForce) {
	}

}
