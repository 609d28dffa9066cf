package fi.tukipiiri.series;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.platform.ApiProblem;

/**
 * The programmes series are planned from, and their editing by coordinators. A series copies its themes when it is
 * planned, so editing a template changes only series planned after the edit.
 */
@Service
public class TemplateService {

	private final Templates templates;
	private final Clock clock;

	TemplateService(Templates templates, Clock clock) {
		this.templates = templates;
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

	/** Replaces the template's texts and themes if it is still at the version the edit was made from. */
	@Transactional
	public ProgrammeTemplate edit(UUID id, TemplateEdit edit, UUID editor) {
		int current = templates.lockVersion(id).orElseThrow(TemplateNotFound::new);
		if (current != edit.version()) {
			throw new TemplateChanged(current);
		}
		templates.update(id, edit, current + 1, editor, clock.instant());
		return get(id);
	}
}
