package fi.tukipiiri.questions;

import java.time.Instant;
import java.util.UUID;

/**
 * One's own question as its asker sees it: what became of it, never who on the staff
 * handled it.
 *
 * @param messageSeq the seq of the question in the stream once published; else null
 * @param answerSeq the seq of the staff's written answer in the stream; else null
 * @param handledAt when it was published, answered or set aside; null while waiting
 */
public record OwnQuestion(UUID id, UUID roomId, QuestionState state, String body, Instant askedAt, Long messageSeq,
		Long answerSeq, Instant handledAt) {
}
