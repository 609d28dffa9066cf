package fi.tukipiiri.series.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.series.LocalizedText;
import fi.tukipiiri.series.ProgrammeTemplate;
import fi.tukipiiri.series.TemplateEdit;
import fi.tukipiiri.series.TemplateService;

@RestController
@RequestMapping("/api/series/templates")
class TemplatesController {

	/** Most themes a programme may have; the longest seeded one has nine. */
	static final int MAX_THEMES = 20;

	private final TemplateService templates;

	TemplatesController(TemplateService templates) {
		this.templates = templates;
	}

	/**
	 * A title in Finnish and English, required, and in Swedish, which may be left out or
	 * empty (then shown in Finnish): up to 120 characters each (checked by the template
	 * service).
	 */
	record Title(@NotBlank String fi, String sv, @NotBlank String en) {
		LocalizedText text() {
			return new LocalizedText(fi, sv, en);
		}
	}

	/**
	 * A description in Finnish, Swedish and English: may be empty (Swedish also left
	 * out), up to 1,000 characters each (checked by the template service).
	 */
	record Description(@NotNull String fi, String sv, @NotNull String en) {
		LocalizedText text() {
			return new LocalizedText(fi, sv, en);
		}
	}

	/**
	 * One theme; {@code from} is its place in the template as the editor loaded it (left
	 * out for a new theme), so its material goes with it.
	 */
	record ThemeRequest(@NotNull @Valid Title title, @NotNull @Valid Description description,
			@Min(1) @Max(MAX_THEMES) Integer from) {
	}

	/**
	 * The whole template as it should read; {@code sessions} in their new order, the
	 * first being meeting 1.
	 */
	record EditRequest(@NotNull Integer version, @NotNull @Valid Title title, @NotNull @Valid Description description,
			@NotNull @Min(15) @Max(240) Integer defaultLengthMinutes,
			@NotNull @Size(min = 1, max = MAX_THEMES) List<@NotNull @Valid ThemeRequest> sessions) {

		TemplateEdit edit() {
			return new TemplateEdit(version, title.text(), description.text(), defaultLengthMinutes,
					sessions.stream()
						.map(theme -> new TemplateEdit.ThemeText(theme.title().text(), theme.description().text(),
								theme.from()))
						.toList());
		}
	}

	@GetMapping
	List<ProgrammeTemplate> all() {
		return templates.all();
	}

	@GetMapping("/{id}")
	ProgrammeTemplate get(@PathVariable UUID id) {
		return templates.get(id);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	ProgrammeTemplate edit(@PathVariable UUID id, @Valid @RequestBody EditRequest request, Authentication editor) {
		return templates.edit(id, request.edit(), UUID.fromString(editor.getName()));
	}

}
