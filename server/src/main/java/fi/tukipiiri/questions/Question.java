package fi.tukipiiri.questions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A question as the room's staff see it in their queue: with who asked, for moderation
 * (never shown to other participants).
 *
 * @param askerId who asked; a participant of the room
 * @param askerName their display name (never a username)
 * @param body the question, in its canonical form (1–1,000 code points)
 * @param riskCategories the risk categories its words name (e.g. {@code self-harm});
 * empty when none
 * @param messageSeq the seq of the question in the stream once published; null before
 * (and for one answered aloud without being published)
 * @param answerSeq the seq of the written answer in the stream; null when there is none
 * @param handledBy the staff member who last published, answered or set it aside; null
 * while waiting, or once their account is gone
 * @param handledByName their display name; null as {@code handledBy}
 * @param handledAt when that was; null while waiting
 */
public record Question(UUID id, UUID roomId, QuestionState state, String body, Instant askedAt, UUID askerId,
		String askerName, List<String> riskCategories, Long messageSeq, Long answerSeq, UUID handledBy,
		String handledByName, Instant handledAt) {

	public Question {
		riskCategories = List.copyOf(riskCategories);
	}

	/** The question as its asker sees it. */
	public OwnQuestion own() {
		return new OwnQuestion(id, roomId, state, body, askedAt, messageSeq, answerSeq, handledAt);
	}

}
