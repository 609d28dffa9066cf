package fi.tukipiiri.moderation;

import java.util.List;

import org.springframework.stereotype.Component;

import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.FieldLimits;
import fi.tukipiiri.text.TextKind;

/**
 * The text fields of moderation: reasons, the pinned announcement, report and handling
 * notes, appeals and their answers.
 */
@Component
class ModerationFieldLimits implements FieldLimits {

	static final FieldLimit REASON = new FieldLimit("reason", TextKind.SINGLE_LINE, 0, ModerationService.MAX_REASON);
	static final FieldLimit PIN = new FieldLimit("pin", TextKind.SINGLE_LINE, 1, ModerationService.MAX_PIN);
	static final FieldLimit REPORT_NOTE = new FieldLimit("reportNote", TextKind.MULTI_LINE, 0, ReportService.MAX_NOTE);
	static final FieldLimit HANDLING_NOTE = new FieldLimit("handlingNote", TextKind.MULTI_LINE, 0,
			ReportService.MAX_NOTE);
	static final FieldLimit APPEAL_TEXT = new FieldLimit("appealText", TextKind.MULTI_LINE, 1, AppealService.MAX_TEXT);
	static final FieldLimit APPEAL_ANSWER = new FieldLimit("appealAnswer", TextKind.MULTI_LINE, 1,
			AppealService.MAX_TEXT);

	@Override
	public List<FieldLimit> fieldLimits() {
		return List.of(REASON, PIN, REPORT_NOTE, HANDLING_NOTE, APPEAL_TEXT, APPEAL_ANSWER);
	}

}
