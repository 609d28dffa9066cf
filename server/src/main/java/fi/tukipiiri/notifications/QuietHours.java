package fi.tukipiiri.notifications;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * The first moment at or after a time that is outside a person's quiet hours (Helsinki
 * time).
 */
final class QuietHours {

	private QuietHours() {
	}

	static Instant after(ReachSettings settings, Instant at) {
		ZonedDateTime local = at.atZone(NoticeWording.HELSINKI);
		if (!settings.quietAt(local.toLocalTime())) {
			return at;
		}
		ZonedDateTime end = local.with(settings.quietUntil());
		if (!end.isAfter(local)) {
			end = end.plusDays(1);
		}
		return end.toInstant();
	}

}
