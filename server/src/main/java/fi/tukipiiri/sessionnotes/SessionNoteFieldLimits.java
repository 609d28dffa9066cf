package fi.tukipiiri.sessionnotes;

import java.util.List;

import org.springframework.stereotype.Component;

import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.FieldLimits;
import fi.tukipiiri.text.TextKind;

/** The text of a session note. */
@Component
class SessionNoteFieldLimits implements FieldLimits {

	/** Longest note, in code points after folding (the column holds 4,000). */
	static final int BODY_MAX = 4000;

	static final FieldLimit BODY = new FieldLimit("sessionNote", TextKind.MULTI_LINE, 1, BODY_MAX);

	@Override
	public List<FieldLimit> fieldLimits() {
		return List.of(BODY);
	}

}
