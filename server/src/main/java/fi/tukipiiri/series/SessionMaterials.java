package fi.tukipiiri.series;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.platform.ApiProblem;
import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.TextFields;

/**
 * Each template session's material and exercise, in Finnish, Swedish and English, edited
 * by those who plan series. Finnish is the service's first language: a text kept in
 * Swedish or English must have its Finnish too. A series reads its template's current
 * material by the session's place, so a correction reaches the groups already running;
 * the participants see it in the session's room once the room opens ({@link RoomGuides}).
 */
@Service
public class SessionMaterials {

	private final Materials materials;

	private final TemplateService templates;

	SessionMaterials(Materials materials, TemplateService templates) {
		this.materials = materials;
		this.templates = templates;
	}

	/** The template has no session at that place. */
	public static final class TemplateSessionNotFound extends ApiProblem {

		TemplateSessionNotFound() {
			super(HttpStatus.NOT_FOUND, "series.template_session_not_found",
					"The programme template has no session at that place.");
		}

	}

	/**
	 * The material of every session of a template, in their order; a session without any
	 * has empty maps.
	 * @throws TemplateService.TemplateNotFound {@code series.template_not_found}
	 */
	@Transactional(readOnly = true)
	public List<SessionMaterial> ofTemplate(UUID templateId) {
		ProgrammeTemplate template = templates.get(templateId);
		Map<Integer, SessionMaterial> found = materials.ofTemplate(templateId);
		List<SessionMaterial> all = new ArrayList<>();
		for (ProgrammeTemplate.Theme theme : template.sessions()) {
			all.add(found.getOrDefault(theme.position(), new SessionMaterial(theme.position(), Map.of(), Map.of())));
		}
		return all;
	}

	/**
	 * One session's material.
	 * @throws TemplateService.TemplateNotFound {@code series.template_not_found}
	 * @throws TemplateSessionNotFound {@code series.template_session_not_found}
	 */
	@Transactional(readOnly = true)
	public SessionMaterial of(UUID templateId, int position) {
		requireSession(templateId, position);
		return materials.of(templateId, position);
	}

	/**
	 * Changes one session's material and exercise: language code → text for each; a null
	 * map or a null text leaves it as it is, an empty text removes that language. The
	 * material passes the multi-line text policy in 1–3,000 code points, the exercise in
	 * 1–1,000. Afterwards each must have its Finnish text if it has any.
	 * @throws TemplateService.TemplateNotFound {@code series.template_not_found}
	 * @throws TemplateSessionNotFound {@code series.template_session_not_found}
	 * @throws fi.tukipiiri.platform.InvalidFields {@code validation.failed} naming each
	 * refused text as {@code material.fi}, {@code exercise.sv}, …: a language other than
	 * {@code fi}, {@code sv}, {@code en} ({@code invalid_value}), a text the policy
	 * refuses, or a Finnish text missing ({@code not_null}) or emptied
	 * ({@code not_blank}) while another language has one
	 */
	@Transactional
	public SessionMaterial edit(UUID templateId, int position, Map<String, String> material,
			Map<String, String> exercise) {
		templates.lock(templateId);
		requireSession(templateId, position);
		SessionMaterial current = materials.of(templateId, position);
		TextFields fields = new TextFields();
		Map<String, String> checkedMaterial = checked(fields, "material", SeriesFieldLimits.SESSION_MATERIAL,
				current.material(), material);
		Map<String, String> checkedExercise = checked(fields, "exercise", SeriesFieldLimits.SESSION_EXERCISE,
				current.exercise(), exercise);
		fields.throwIfRefused();
		materials.replace(templateId, position, Materials.Part.MATERIAL, checkedMaterial);
		materials.replace(templateId, position, Materials.Part.EXERCISE, checkedExercise);
		return materials.of(templateId, position);
	}

	/**
	 * The material of a series' session, from its template as the template is now; empty
	 * when the session's place has none (a session added after the template's last, say)
	 * or the series does not exist. Callers decide who may read it and when.
	 */
	@Transactional(readOnly = true)
	public Optional<SessionMaterial> ofSeriesSession(UUID seriesId, int position) {
		return materials.templateOfSeries(seriesId)
			.map(template -> materials.of(template, position))
			.filter(found -> !found.isEmpty());
	}

	private void requireSession(UUID templateId, int position) {
		boolean known = templates.get(templateId).sessions().stream().anyMatch(theme -> theme.position() == position);
		if (!known) {
			throw new TemplateSessionNotFound();
		}
	}

	/** The edits to keep (language → canonical text, "" to remove), refusals noted. */
	private static Map<String, String> checked(TextFields fields, String path, FieldLimit limit,
			Map<String, String> current, Map<String, String> edits) {
		if (edits == null) {
			return Map.of();
		}
		Map<String, String> checked = new LinkedHashMap<>();
		Map<String, String> after = new HashMap<>(current);
		boolean[] finnishRefused = { false };
		edits.forEach((language, body) -> {
			String field = path + "." + language;
			if (!RoomGuides.LANGUAGES.contains(language)) {
				fields.refuse(field, "invalid_value",
						"Texts are kept in " + String.join(", ", RoomGuides.LANGUAGES) + ".");
				return;
			}
			if (body == null) {
				return;
			}
			String text = body.isBlank() ? "" : fields.check(field, limit, body);
			if (text != null) {
				checked.put(language, text);
				after.put(language, text);
			}
			else if (language.equals("fi")) {
				finnishRefused[0] = true;
			}
		});
		after.values().removeIf(String::isEmpty);
		if (!after.isEmpty() && !after.containsKey("fi") && !finnishRefused[0]) {
			boolean emptied = edits.get("fi") != null;
			fields.refuse(path + ".fi", emptied ? "not_blank" : "not_null",
					"Give the Finnish text too: it is the one every reader can fall back on.");
		}
		return checked;
	}

}
