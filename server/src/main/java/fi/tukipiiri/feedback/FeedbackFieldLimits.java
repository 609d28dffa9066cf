package fi.tukipiiri.feedback;

import java.util.List;

import org.springframework.stereotype.Component;

import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.FieldLimits;
import fi.tukipiiri.text.TextKind;

/** The free texts of the feedback form. */
@Component
class FeedbackFieldLimits implements FieldLimits {

	static final FieldLimit HELPED = new FieldLimit("helped", TextKind.MULTI_LINE, 0, FeedbackService.MAX_TEXT);
	static final FieldLimit BETTER = new FieldLimit("better", TextKind.MULTI_LINE, 0, FeedbackService.MAX_TEXT);
	static final FieldLimit FREE_TEXT = new FieldLimit("freeText", TextKind.MULTI_LINE, 0,
			FeedbackService.MAX_FREE_TEXT);

	@Override
	public List<FieldLimit> fieldLimits() {
		return List.of(HELPED, BETTER, FREE_TEXT);
	}

}
