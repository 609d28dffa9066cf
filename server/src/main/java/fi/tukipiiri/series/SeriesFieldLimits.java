package fi.tukipiiri.series;

import java.util.List;

import org.springframework.stereotype.Component;

import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.FieldLimits;
import fi.tukipiiri.text.TextFields;
import fi.tukipiiri.text.TextKind;

/** The text fields of series and programme templates. */
@Component
class SeriesFieldLimits implements FieldLimits {

	static final FieldLimit SERIES_TITLE = new FieldLimit("seriesTitle", TextKind.SINGLE_LINE, 1, 120);
	static final FieldLimit AUDIENCE_NOTE = new FieldLimit("audienceNote", TextKind.SINGLE_LINE, 0, 300);

	/** A meeting's theme, in a series or as a template's theme title. */
	static final FieldLimit SESSION_THEME = new FieldLimit("sessionTheme", TextKind.SINGLE_LINE, 1, 120);
	static final FieldLimit TEMPLATE_TITLE = new FieldLimit("templateTitle", TextKind.SINGLE_LINE, 1, 120);

	/** A template's description and each of its themes' descriptions. */
	static final FieldLimit TEMPLATE_DESCRIPTION = new FieldLimit("templateDescription", TextKind.MULTI_LINE, 0, 1000);

	/**
	 * A template's house rules or one of its facilitators' ready-made messages, in one
	 * language.
	 */
	static final FieldLimit GUIDE_TEXT = new FieldLimit("guideText", TextKind.MULTI_LINE, 1, 2000);

	/** A template session's material, a few paragraphs, in one language. */
	static final FieldLimit SESSION_MATERIAL = new FieldLimit("sessionMaterial", TextKind.MULTI_LINE, 1, 3000);

	/**
	 * A template session's exercise: the prompt a participant answers, in one language.
	 */
	static final FieldLimit SESSION_EXERCISE = new FieldLimit("sessionExercise", TextKind.MULTI_LINE, 1, 1000);

	@Override
	public List<FieldLimit> fieldLimits() {
		return List.of(SERIES_TITLE, AUDIENCE_NOTE, SESSION_THEME, TEMPLATE_TITLE, TEMPLATE_DESCRIPTION, GUIDE_TEXT,
				SESSION_MATERIAL, SESSION_EXERCISE);
	}

	/**
	 * The languages of a text, checked as {@code path.fi}, {@code path.sv} and
	 * {@code path.en}; Swedish may be left empty (shown in Finnish), the others as the
	 * limit says.
	 */
	static LocalizedText check(TextFields fields, String path, FieldLimit limit, LocalizedText text) {
		return new LocalizedText(fields.check(path + ".fi", limit, text == null ? null : text.fi()),
				optional(fields, path + ".sv", limit, text == null ? null : text.sv()),
				fields.check(path + ".en", limit, text == null ? null : text.en()));
	}

	/**
	 * A text that may be left empty, otherwise held to the limit's policy and maximum.
	 */
	static String optional(TextFields fields, String path, FieldLimit limit, String raw) {
		FieldLimit mayBeEmpty = new FieldLimit(limit.field(), limit.kind(), 0, limit.max(), limit.maxBytes());
		return fields.check(path, mayBeEmpty, raw == null ? "" : raw);
	}

}
