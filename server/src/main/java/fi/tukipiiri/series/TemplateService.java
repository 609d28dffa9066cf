package fi.tukipiiri.series;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.platform.ApiProblem;

/** The programmes series are planned from. */
@Service
public class TemplateService {

	private final Templates templates;

	TemplateService(Templates templates) {
		this.templates = templates;
	}

	public static final class TemplateNotFound extends ApiProblem {
		TemplateNotFound() {
			super(HttpStatus.NOT_FOUND, "series.template_not_found", "No such programme template.");
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
}
