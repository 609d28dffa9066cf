package fi.tukipiiri.notifications.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.notifications.Notification;
import fi.tukipiiri.notifications.NotificationService;
import fi.tukipiiri.platform.ApiProblem;

/** Each person's own notices only. */
@RestController
@RequestMapping("/api/notifications")
class NotificationsController {

	private final NotificationService notifications;

	NotificationsController(NotificationService notifications) {
		this.notifications = notifications;
	}

	static final class NotificationNotFound extends ApiProblem {

		NotificationNotFound() {
			super(HttpStatus.NOT_FOUND, "notifications.not_found", "No such notification.");
		}

	}

	@GetMapping
	List<Notification> latest(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit, Authentication caller) {
		return notifications.latest(id(caller), unread, limit);
	}

	@PostMapping("/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(@PathVariable UUID id, Authentication caller) {
		if (!notifications.markRead(id(caller), id)) {
			throw new NotificationNotFound();
		}
	}

	@PostMapping("/read-all")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void readAll(Authentication caller) {
		notifications.markAllRead(id(caller));
	}

	private static UUID id(Authentication caller) {
		return UUID.fromString(caller.getName());
	}

}
