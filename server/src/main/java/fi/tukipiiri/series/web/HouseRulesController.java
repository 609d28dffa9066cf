package fi.tukipiiri.series.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.series.HouseRulesService;

/**
 * A series' or a room's own house rules, in place of its template's
 * ({@link HouseRulesService}); who may is decided there (coordinators, administrators and
 * the group's facilitators).
 */
@RestController
class HouseRulesController {

	private final HouseRulesService rules;

	HouseRulesController(HouseRulesService rules) {
		this.rules = rules;
	}

	/** Language code → text; {@code fi} required. */
	record RulesRequest(Map<String, String> houseRules) {
	}

	@GetMapping("/api/series/{seriesId}/house-rules")
	HouseRulesService.View ofSeries(@PathVariable UUID seriesId, Authentication caller) {
		return rules.ofSeries(seriesId, id(caller));
	}

	@PutMapping("/api/series/{seriesId}/house-rules")
	HouseRulesService.View editSeries(@PathVariable UUID seriesId, @RequestBody RulesRequest request,
			Authentication caller) {
		return rules.editSeries(seriesId, InvalidFields.required(request.houseRules(), "houseRules"), id(caller));
	}

	@DeleteMapping("/api/series/{seriesId}/house-rules")
	HouseRulesService.View resetSeries(@PathVariable UUID seriesId, Authentication caller) {
		return rules.resetSeries(seriesId, id(caller));
	}

	@GetMapping("/api/rooms/{roomId}/house-rules")
	HouseRulesService.View ofRoom(@PathVariable UUID roomId, Authentication caller) {
		return rules.ofRoom(roomId, id(caller));
	}

	@PutMapping("/api/rooms/{roomId}/house-rules")
	HouseRulesService.View editRoom(@PathVariable UUID roomId, @RequestBody RulesRequest request,
			Authentication caller) {
		return rules.editRoom(roomId, InvalidFields.required(request.houseRules(), "houseRules"), id(caller));
	}

	@DeleteMapping("/api/rooms/{roomId}/house-rules")
	HouseRulesService.View resetRoom(@PathVariable UUID roomId, Authentication caller) {
		return rules.resetRoom(roomId, id(caller));
	}

	private static UUID id(Authentication caller) {
		return UUID.fromString(caller.getName());
	}

}
