package fi.tukipiiri.moderation.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.moderation.Escalation;
import fi.tukipiiri.moderation.EscalationService;
import fi.tukipiiri.rooms.Room;

/** Duty and escalated safety signals, for coordinators and administrators only. */
@RestController
@RequestMapping("/api/moderation")
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
class EscalationController {

	private final EscalationService escalations;

	EscalationController(EscalationService escalations) {
		this.escalations = escalations;
	}

	record DutyChange(@NotNull Boolean onDuty) {
	}

	/**
	 * The note is checked by the service (the handling note's text policy and length, in
	 * code points).
	 */
	record Closing(String note) {
	}

	record RoomRef(UUID id, String title) {
	}

	@GetMapping("/duty")
	EscalationService.Duty duty(Authentication caller) {
		return escalations.duty(RoomModerationController.id(caller));
	}

	@PutMapping("/duty")
	EscalationService.Duty setDuty(@Valid @RequestBody DutyChange request, Authentication caller) {
		return escalations.setDuty(RoomModerationController.id(caller), request.onDuty());
	}

	@GetMapping("/escalations")
	List<Escalation> open(Authentication caller) {
		return escalations.open(RoomModerationController.id(caller));
	}

	@PostMapping("/escalations/{id}/take")
	Escalation take(@PathVariable UUID id, Authentication caller) {
		return escalations.take(id, RoomModerationController.id(caller));
	}

	@PostMapping("/escalations/{id}/take-over")
	Escalation takeOver(@PathVariable UUID id, Authentication caller) {
		return escalations.takeOver(id, RoomModerationController.id(caller));
	}

	@PostMapping("/escalations/{id}/private-talk")
	@ResponseStatus(HttpStatus.CREATED)
	RoomRef privateTalk(@PathVariable UUID id, Authentication caller) {
		Room room = escalations.privateTalk(id, RoomModerationController.id(caller));
		return new RoomRef(room.id(), room.title());
	}

	@PostMapping("/escalations/{id}/close")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void close(@PathVariable UUID id, @RequestBody(required = false) Closing request, Authentication caller) {
		escalations.close(id, RoomModerationController.id(caller), request == null ? null : request.note());
	}

}
