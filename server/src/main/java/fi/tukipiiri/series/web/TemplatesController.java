package fi.tukipiiri.series.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.series.ProgrammeTemplate;
import fi.tukipiiri.series.TemplateService;

@RestController
@RequestMapping("/api/series/templates")
class TemplatesController {

	private final TemplateService templates;

	TemplatesController(TemplateService templates) {
		this.templates = templates;
	}

	@GetMapping
	List<ProgrammeTemplate> all() {
		return templates.all();
	}

	@GetMapping("/{id}")
	ProgrammeTemplate get(@PathVariable UUID id) {
		return templates.get(id);
	}
}
