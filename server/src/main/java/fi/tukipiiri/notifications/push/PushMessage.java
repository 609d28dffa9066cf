package fi.tukipiiri.notifications.push;

import java.util.Objects;

/**
 * One discreet message for a person's devices; the web client's service worker shows it
 * as a notification. It may show on a locked phone's screen, seen by anyone near it, so
 * it names neither the group, its programme or theme, nor anyone in it: "New notice in
 * Tukipiiri" rather than what the notice is about. The person opens the service to read.
 *
 * @param title the notification's title, at most 100 characters
 * @param body its text, at most 300 characters (may be empty)
 * @param url where a tap leads, a path of this service beginning with one {@code /} (e.g.
 * {@code "/#/notifications"})
 * @param tag groups notifications: a newer one with the same tag replaces the older on
 * the device, and the push service keeps only the newest one of a tag for an offline
 * device (sent as the RFC 8030 {@code Topic}); 1–64 characters
 */
public record PushMessage(String title, String body, String url, String tag) {

	public PushMessage {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(body, "body");
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(tag, "tag");
		if (title.isBlank() || title.length() > 100 || body.length() > 300) {
			throw new IllegalArgumentException("a push message has a title of 1-100 and a body of 0-300 characters");
		}
		if (!url.startsWith("/") || url.startsWith("//") || url.contains("\\")) {
			throw new IllegalArgumentException("a push message's url is a path of this service");
		}
		if (tag.isEmpty() || tag.length() > 64) {
			throw new IllegalArgumentException("a push message's tag has 1-64 characters");
		}
	}

}
