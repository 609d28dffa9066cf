package fi.tukipiiri.series.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.series.CalendarService;
import fi.tukipiiri.series.Enrolment;
import fi.tukipiiri.series.InvitationService;

@RestController
class InvitationsController {

	private final InvitationService invitations;

	private final CalendarService calendar;

	InvitationsController(InvitationService invitations, CalendarService calendar) {
		this.invitations = invitations;
		this.calendar = calendar;
	}

	record IssueRequest(@Min(1) @Max(50) int maxUses, @Min(1) @Max(90) int validDays) {
	}

	record RedeemRequest(@NotBlank @Size(max = 32) String code) {
	}

	record Feed(String url) {
	}

	@PostMapping("/api/series/{id}/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	InvitationService.Issued issue(@PathVariable UUID id, @Valid @RequestBody IssueRequest request,
			Authentication coordinator) {
		return invitations.issue(id, request.maxUses(), Duration.ofDays(request.validDays()),
				UUID.fromString(coordinator.getName()));
	}

	@PostMapping("/api/series/invitations/redeem")
	Enrolment redeem(@Valid @RequestBody RedeemRequest request, Authentication caller) {
		return invitations.redeem(request.code(), UUID.fromString(caller.getName()));
	}

	@GetMapping("/api/me/sessions")
	List<CalendarService.MySession> mySessions(Authentication caller) {
		return calendar.upcomingOf(UUID.fromString(caller.getName()));
	}

	/**
	 * A new secret address for one's own calendar feed; the previous address stops
	 * working.
	 */
	@PostMapping("/api/me/calendar-feed")
	@ResponseStatus(HttpStatus.CREATED)
	Feed newFeed(Authentication caller) {
		return new Feed(
				"/api/calendar/personal/" + calendar.newPersonalFeed(UUID.fromString(caller.getName())) + ".ics");
	}

}
