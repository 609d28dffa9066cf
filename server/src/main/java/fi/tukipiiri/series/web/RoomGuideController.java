package fi.tukipiiri.series.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.series.GuideText;
import fi.tukipiiri.series.RoomGuide;
import fi.tukipiiri.series.RoomGuides;

/**
 * A room's house rules and ready-made messages ({@link RoomGuides}), and their editing on
 * a programme template by those who plan series.
 */
@RestController
class RoomGuideController {

	private final RoomGuides guides;

	RoomGuideController(RoomGuides guides) {
		this.guides = guides;
	}

	/** Texts by kind, then by language code. */
	record Texts(Map<GuideText, Map<String, String>> texts) {
	}

	@GetMapping("/api/rooms/{roomId}/guide")
	RoomGuide guide(@PathVariable UUID roomId, Authentication caller) {
		return guides.guide(roomId, UUID.fromString(caller.getName()));
	}

	@PostMapping("/api/rooms/{roomId}/house-rules/acceptance")
	RoomGuide accept(@PathVariable UUID roomId, Authentication caller) {
		return guides.accept(roomId, UUID.fromString(caller.getName()));
	}

	@GetMapping("/api/series/templates/{templateId}/texts")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	Texts texts(@PathVariable UUID templateId) {
		return new Texts(guides.textsOf(templateId));
	}

	@PutMapping("/api/series/templates/{templateId}/texts")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	Texts edit(@PathVariable UUID templateId, @RequestBody Texts request) {
		return new Texts(guides.edit(templateId, InvalidFields.required(request.texts(), "texts")));
	}

}
