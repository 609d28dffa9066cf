package fi.tukipiiri.series;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.platform.ApiProblem;
import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.text.TextFields;

/**
 * The programmes series are planned from, and their editing by coordinators. A series
 * copies its themes when it is planned, so editing a template changes only series planned
 * after the edit.
 */
@Service
public class TemplateService {

	private final Templates templates;

	private final Materials materials;

	private final Clock clock;

	TemplateService(Templates templates, Materials materials, Clock clock) {
		this.templates = templates;
		this.materials = materials;
		this.clock = clock;
	}

	public static final class TemplateNotFound extends ApiProblem {

		TemplateNotFound() {
			super(HttpStatus.NOT_FOUND, "series.template_not_found", "No such programme template.");
		}

	}

	/** Someone else saved the template after the editor loaded it. */
	public static final class TemplateChanged extends ApiProblem {

		TemplateChanged(int current) {
			super(HttpStatus.CONFLICT, "series.template_changed",
					"The template was changed by someone else meanwhile; load it again and redo the edit.",
					Map.of("currentVersion", current));
		}

	}

	@Transactional(readOnly = true)
	public List<ProgrammeTemplate> all() {
		return templates.all();
	}

	@Transactional(readOnly = true)
	public ProgrammeTemplate get(UUID id) {
		return templates.find(id).orElseThrow(TemplateNotFound::new);
	}

	/**
	 * Locks the template's row for the rest of the caller's transaction, so edits of its
	 * parts do not cross an edit of its themes.
	 * @throws TemplateNotFound {@code series.template_not_found}
	 */
	void lock(UUID id) {
		templates.lockVersion(id).orElseThrow(TemplateNotFound::new);
	}

	/**
	 * Replaces the template's texts and themes if it is still at the version the edit was
	 * made from. Titles (1–120 code points) pass the single-line text policy,
	 * descriptions (0–1,000) the multi-line one, each in Finnish, Swedish and English;
	 * Swedish titles may be empty (shown in Finnish).
	 * @throws InvalidFields {@code validation.failed} naming each refused text by its
	 * path ({@code sessions[0].title.en})
	 * @throws TemplateChanged {@code series.template_changed} if someone saved it after
	 * {@code edit.version()}
	 * @throws InvalidFields {@code validation.failed} naming {@code sessions[i].from}
	 * ({@code invalid_value}) when it is not a place of the template as it was, or two
	 * themes name the same place
	 */
	@Transactional
	public ProgrammeTemplate edit(UUID id, TemplateEdit edit, UUID editor) {
		TemplateEdit checked = checked(edit);
		int current = templates.lockVersion(id).orElseThrow(TemplateNotFound::new);
		if (current != edit.version()) {
			throw new TemplateChanged(current);
		}
		requireSources(checked, get(id).sessions().size());
		templates.update(id, checked, current + 1, editor, clock.instant());
		materials.follow(id, checked.sessions().stream().map(TemplateEdit.ThemeText::from).toList());
		return get(id);
	}

	/** Each {@code from} names a place the template had, and no two the same. */
	private static void requireSources(TemplateEdit edit, int placesBefore) {
		TextFields fields = new TextFields();
		java.util.Set<Integer> named = new java.util.HashSet<>();
		for (int i = 0; i < edit.sessions().size(); i++) {
			Integer from = edit.sessions().get(i).from();
			if (from != null && (from < 1 || from > placesBefore || !named.add(from))) {
				fields.refuse("sessions[" + i + "].from", "invalid_value",
						"Name the place the theme had before the edit, each place once.");
			}
		}
		fields.throwIfRefused();
	}

	private static TemplateEdit checked(TemplateEdit edit) {
		TextFields fields = new TextFields();
		LocalizedText title = SeriesFieldLimits.check(fields, "title", SeriesFieldLimits.TEMPLATE_TITLE, edit.title());
		LocalizedText description = SeriesFieldLimits.check(fields, "description",
				SeriesFieldLimits.TEMPLATE_DESCRIPTION, edit.description());
		List<TemplateEdit.ThemeText> themes = new ArrayList<>();
		for (int i = 0; i < edit.sessions().size(); i++) {
			TemplateEdit.ThemeText theme = edit.sessions().get(i);
			themes.add(new TemplateEdit.ThemeText(
					SeriesFieldLimits.check(fields, "sessions[" + i + "].title", SeriesFieldLimits.SESSION_THEME,
							theme.title()),
					SeriesFieldLimits.check(fields, "sessions[" + i + "].description",
							SeriesFieldLimits.TEMPLATE_DESCRIPTION, theme.description()),
					theme.from()));
		}
		fields.throwIfRefused();
		return new TemplateEdit(edit.version(), title, description, edit.defaultLengthMinutes(), themes);
	}

}
