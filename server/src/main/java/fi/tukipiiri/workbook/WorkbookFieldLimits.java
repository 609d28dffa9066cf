package fi.tukipiiri.workbook;

import java.util.List;

import org.springframework.stereotype.Component;

import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.FieldLimits;
import fi.tukipiiri.text.TextKind;

/** The text of a workbook answer. */
@Component
class WorkbookFieldLimits implements FieldLimits {

	/**
	 * Longest answer, in code points after folding: as long as the longest chat message
	 * by default, so an answer can be shared whole (the column holds 4,000).
	 */
	static final FieldLimit ANSWER = new FieldLimit("workbookAnswer", TextKind.MULTI_LINE, 1, 4000);

	@Override
	public List<FieldLimit> fieldLimits() {
		return List.of(ANSWER);
	}

}
