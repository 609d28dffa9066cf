package fi.tukipiiri.moderation.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.moderation.Appeal;
import fi.tukipiiri.moderation.AppealService;
import fi.tukipiiri.moderation.OwnAppeal;
import fi.tukipiiri.moderation.OwnSanction;

/**
 * Appeals: one's own sanctions in force and appeals of them, for anyone signed in; the
 * appeals queue and answering, for coordinators and administrators. The bodies carry no
 * rules of their own: the service checks every field.
 */
@RestController
class AppealController {

	private final AppealService appeals;

	AppealController(AppealService appeals) {
		this.appeals = appeals;
	}

	record NewAppeal(UUID sanctionId, String text) {
	}

	record Answer(String answer, Boolean lift) {
	}

	@GetMapping("/api/me/sanctions")
	List<OwnSanction> sanctions(Authentication caller) {
		return appeals.sanctionsOn(RoomModerationController.id(caller));
	}

	@GetMapping("/api/me/appeals")
	List<OwnAppeal> own(Authentication caller) {
		return appeals.own(RoomModerationController.id(caller));
	}

	@PostMapping("/api/me/appeals")
	@ResponseStatus(HttpStatus.CREATED)
	OwnAppeal appeal(@RequestBody NewAppeal request, Authentication caller) {
		return appeals.appeal(RoomModerationController.id(caller), request.sanctionId(), request.text());
	}

	@GetMapping("/api/moderation/appeals")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	List<Appeal> list(@RequestParam(required = false) Boolean open) {
		return appeals.list(open);
	}

	@PostMapping("/api/moderation/appeals/{appealId}/answer")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	Appeal answer(@PathVariable UUID appealId, @RequestBody Answer request, Authentication caller) {
		return appeals.answer(appealId, RoomModerationController.id(caller), request.answer(), request.lift());
	}

}
