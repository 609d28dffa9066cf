package fi.tukipiiri.moderation.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.moderation.ModerationService;
import fi.tukipiiri.moderation.ModerationService.BanScope;
import fi.tukipiiri.moderation.Pinned;
import fi.tukipiiri.moderation.PrivateTalkService;
import fi.tukipiiri.moderation.Report;
import fi.tukipiiri.moderation.ReportService;
import fi.tukipiiri.moderation.RiskFlag;
import fi.tukipiiri.moderation.RiskFlagService;
import fi.tukipiiri.moderation.RoomModerationView;
import fi.tukipiiri.moderation.Sanction;
import fi.tukipiiri.rooms.MessageEdit;
import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.Room;

/**
 * A room's moderation over REST; every power is authorised by the services, by room role.
 * The request bodies carry no rules of their own: the services check every field, so a
 * command answers the same over REST as over STOMP ({@code ModerationStompController}).
 */
@RestController
@RequestMapping("/api/moderation/rooms/{roomId}")
class RoomModerationController {

	private final ModerationService moderation;

	private final ReportService reports;

	private final RiskFlagService riskFlags;

	private final PrivateTalkService privateTalks;

	RoomModerationController(ModerationService moderation, ReportService reports, RiskFlagService riskFlags,
			PrivateTalkService privateTalks) {
		this.moderation = moderation;
		this.reports = reports;
		this.riskFlags = riskFlags;
		this.privateTalks = privateTalks;
	}

	record Reason(String reason) {
	}

	record Mute(UUID accountId, Integer minutes, String reason) {
	}

	record Removal(UUID accountId, String reason) {
	}

	record Ban(UUID accountId, BanScope scope, String reason) {
	}

	record Lock(Boolean locked) {
	}

	record SlowMode(Integer seconds) {
	}

	record Pin(String text) {
	}

	record NewReport(UUID messageId, UUID accountId, Report.Reason reason, String note) {
	}

	record PrivateTalk(UUID accountId) {
	}

	record CrisisMessage(String clientId) {
	}

	record RoomRef(UUID id, String title) {
	}

	@GetMapping
	RoomModerationView view(@PathVariable UUID roomId, Authentication caller) {
		return moderation.view(roomId, id(caller));
	}

	/** A message's earlier texts, before each of its writer's edits (REVIEW). */
	@GetMapping("/messages/{messageId}/edits")
	List<MessageEdit> edits(@PathVariable UUID roomId, @PathVariable UUID messageId, Authentication caller) {
		return moderation.edits(roomId, id(caller), messageId);
	}

	@DeleteMapping("/messages/{messageId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeMessage(@PathVariable UUID roomId, @PathVariable UUID messageId,
			@RequestBody(required = false) Reason request, Authentication caller) {
		moderation.removeMessage(roomId, id(caller), messageId, request == null ? null : request.reason());
	}

	@PostMapping("/mutes")
	@ResponseStatus(HttpStatus.CREATED)
	Sanction mute(@PathVariable UUID roomId, @RequestBody Mute request, Authentication caller) {
		return moderation.mute(roomId, id(caller), request.accountId(), request.minutes(), request.reason());
	}

	@DeleteMapping("/mutes/{accountId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unmute(@PathVariable UUID roomId, @PathVariable UUID accountId, Authentication caller) {
		moderation.unmute(roomId, id(caller), accountId);
	}

	@PostMapping("/removals")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable UUID roomId, @RequestBody Removal request, Authentication caller) {
		moderation.removeMember(roomId, id(caller), request.accountId(), request.reason());
	}

	@PostMapping("/bans")
	@ResponseStatus(HttpStatus.CREATED)
	Sanction ban(@PathVariable UUID roomId, @RequestBody Ban request, Authentication caller) {
		return moderation.ban(roomId, id(caller), request.accountId(), request.scope(), request.reason());
	}

	@DeleteMapping("/bans/{accountId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unban(@PathVariable UUID roomId, @PathVariable UUID accountId, Authentication caller) {
		moderation.unban(roomId, id(caller), accountId);
	}

	@PutMapping("/lock")
	Map<String, Object> lock(@PathVariable UUID roomId, @RequestBody Lock request, Authentication caller) {
		return Map.of("state", moderation.lock(roomId, id(caller), request.locked()).state());
	}

	@PutMapping("/slow-mode")
	Map<String, Object> slowMode(@PathVariable UUID roomId, @RequestBody SlowMode request, Authentication caller) {
		moderation.slowMode(roomId, id(caller), request.seconds());
		return Map.of("seconds", request.seconds());
	}

	@PutMapping("/pin")
	Pinned pin(@PathVariable UUID roomId, @RequestBody Pin request, Authentication caller) {
		return moderation.pin(roomId, id(caller), request.text());
	}

	@DeleteMapping("/pin")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unpin(@PathVariable UUID roomId, Authentication caller) {
		moderation.unpin(roomId, id(caller));
	}

	@PostMapping("/reports")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UUID> report(@PathVariable UUID roomId, @RequestBody NewReport request, Authentication caller) {
		return Map.of("id", reports.report(roomId, id(caller), request.messageId(), request.accountId(),
				request.reason(), request.note()));
	}

	@GetMapping("/risk-flags")
	List<RiskFlag> riskFlags(@PathVariable UUID roomId, Authentication caller) {
		return riskFlags.of(roomId, id(caller));
	}

	@PostMapping("/risk-flags/{flagId}/seen")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void riskFlagSeen(@PathVariable UUID roomId, @PathVariable UUID flagId, Authentication caller) {
		riskFlags.markSeen(roomId, flagId, id(caller));
	}

	@PostMapping("/private-talks")
	@ResponseStatus(HttpStatus.CREATED)
	RoomRef openPrivateTalk(@PathVariable UUID roomId, @RequestBody PrivateTalk request, Authentication caller) {
		Room room = privateTalks.open(roomId, id(caller), request.accountId());
		return new RoomRef(room.id(), room.title());
	}

	/**
	 * The crisis message, in every configured language, as the caller's message in the
	 * room; idempotent by client id.
	 */
	@PostMapping("/crisis-message")
	@ResponseStatus(HttpStatus.CREATED)
	ChatMessage sendCrisisMessage(@PathVariable UUID roomId, @RequestBody CrisisMessage request,
			Authentication caller) {
		return moderation.sendCrisisMessage(roomId, id(caller), request.clientId());
	}

	@PostMapping("/private-talk-requests")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void requestPrivateTalk(@PathVariable UUID roomId, Authentication caller) {
		privateTalks.request(roomId, id(caller));
	}

	static UUID id(Authentication caller) {
		return UUID.fromString(caller.getName());
	}

}
