package fi.tukipiiri.moderation.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.moderation.AuditAction;
import fi.tukipiiri.moderation.AuditEntry;
import fi.tukipiiri.moderation.AuditFilter;
import fi.tukipiiri.moderation.AuditService;
import fi.tukipiiri.moderation.HiddenMembers;
import fi.tukipiiri.moderation.Report;
import fi.tukipiiri.moderation.ReportService;
import fi.tukipiiri.moderation.RiskFlagService;

/**
 * The report queue across rooms, the audit log, the crisis message, and each person's
 * hidden members.
 */
@RestController
class ReviewController {

	private final ReportService reports;

	private final AuditService audit;

	private final RiskFlagService riskFlags;

	private final HiddenMembers hidden;

	ReviewController(ReportService reports, AuditService audit, RiskFlagService riskFlags, HiddenMembers hidden) {
		this.reports = reports;
		this.audit = audit;
		this.riskFlags = riskFlags;
		this.hidden = hidden;
	}

	/**
	 * {@code actionTaken}: true when something was done about it, false to dismiss it;
	 * checked by the service.
	 */
	record Close(Boolean actionTaken, String note) {
	}

	@GetMapping("/api/moderation/reports")
	List<Report> openReports(@RequestParam(required = false) UUID roomId, Authentication caller) {
		return reports.open(roomId, RoomModerationController.id(caller));
	}

	@PostMapping("/api/moderation/reports/{reportId}/close")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void close(@PathVariable UUID reportId, @RequestBody Close request, Authentication caller) {
		reports.close(reportId, RoomModerationController.id(caller), request.actionTaken(), request.note());
	}

	/**
	 * Audit lines, newest first, with details in their action's shape. {@code action} is
	 * an {@link AuditAction} name exactly; another is {@code 400 validation.failed} with
	 * field {@code action} ({@code invalid_value}), never an empty answer.
	 */
	@GetMapping("/api/moderation/audit")
	@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
	List<AuditEntry> audit(@RequestParam(required = false) UUID roomId, @RequestParam(required = false) UUID actorId,
			@RequestParam(required = false) UUID targetId, @RequestParam(required = false) AuditAction action,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) @Min(1) Long beforeId,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		return audit.find(new AuditFilter(roomId, actorId, targetId, action, from, to, beforeId, limit));
	}

	@GetMapping("/api/moderation/crisis-message")
	Map<String, String> crisisMessage() {
		return riskFlags.crisisMessage();
	}

	@GetMapping("/api/me/hidden-members")
	List<HiddenMembers.Hidden> hidden(Authentication caller) {
		return hidden.of(RoomModerationController.id(caller));
	}

	@PutMapping("/api/me/hidden-members/{accountId}")
	HiddenMembers.Hidden hide(@PathVariable UUID accountId, Authentication caller) {
		return hidden.hide(RoomModerationController.id(caller), accountId);
	}

	@DeleteMapping("/api/me/hidden-members/{accountId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unhide(@PathVariable UUID accountId, Authentication caller) {
		hidden.unhide(RoomModerationController.id(caller), accountId);
	}

}
