package fi.tukipiiri.questions;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.FieldLimits;
import fi.tukipiiri.text.TextKind;

/**
 * The text of a question, and how many of one person's questions may wait in a room's
 * queue at once ({@code questionsWaiting}).
 */
@Component
class QuestionFieldLimits implements FieldLimits {

	/** Longest question, in code points after folding (the column holds 1,000). */
	static final int BODY_MAX = 1000;

	/** Most questions one person may have waiting in one room's queue. */
	static final int MOST_WAITING = 5;

	static final FieldLimit BODY = new FieldLimit("question", TextKind.MULTI_LINE, 1, BODY_MAX);

	@Override
	public List<FieldLimit> fieldLimits() {
		return List.of(BODY);
	}

	@Override
	public Map<String, Integer> counts() {
		return Map.of("questionsWaiting", MOST_WAITING);
	}

}
