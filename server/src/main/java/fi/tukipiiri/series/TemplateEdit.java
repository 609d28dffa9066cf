package fi.tukipiiri.series;

import java.util.List;

/**
 * A coordinator's new wording of a template: texts, default length and the themes in
 * their new order (the first is meeting 1). {@code version} is the version the edit was
 * made from. The kind and code of a template do not change.
 */
public record TemplateEdit(int version, LocalizedText title, LocalizedText description, int defaultLengthMinutes,
		List<ThemeText> sessions) {

	public TemplateEdit {
		sessions = List.copyOf(sessions);
	}

	/**
	 * One theme as it should read.
	 *
	 * @param from the theme's place (from 1) in the template the edit was made from, so
	 * its material and exercise go with it to its new place; null for a new theme. An
	 * edit naming no {@code from} at all leaves the material at its places.
	 */
	public record ThemeText(LocalizedText title, LocalizedText description, Integer from) {
	}
}
