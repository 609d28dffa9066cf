package fi.tukipiiri.series.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.series.SessionMaterial;
import fi.tukipiiri.series.SessionMaterials;

/**
 * Each template session's material and exercise, for those who plan series (participants
 * read them in the session's room, from its guide).
 */
@RestController
@RequestMapping("/api/series/templates/{templateId}")
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
class SessionMaterialsController {

	private final SessionMaterials materials;

	SessionMaterialsController(SessionMaterials materials) {
		this.materials = materials;
	}

	/** Every session's material, in the template's order. */
	record AllMaterials(List<SessionMaterial> sessions) {
	}

	/**
	 * A change of one session's texts, each language code → text; a part or a text left
	 * out (or null) stays as it is, "" removes it (checked by {@link SessionMaterials}).
	 */
	record MaterialEdit(Map<String, String> material, Map<String, String> exercise) {
	}

	@GetMapping("/materials")
	AllMaterials all(@PathVariable UUID templateId) {
		return new AllMaterials(materials.ofTemplate(templateId));
	}

	@GetMapping("/sessions/{position}/material")
	SessionMaterial one(@PathVariable UUID templateId, @PathVariable int position) {
		return materials.of(templateId, position);
	}

	@PutMapping("/sessions/{position}/material")
	SessionMaterial edit(@PathVariable UUID templateId, @PathVariable int position, @RequestBody MaterialEdit request) {
		return materials.edit(templateId, position, request.material(), request.exercise());
	}

}
