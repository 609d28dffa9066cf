package fi.tukipiiri.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Words for notices outside the app, in the person's language: discreet by default (the
 * subject and first line never name the group or its theme, so a lock screen or a shared
 * inbox tells nothing), the bell's full text when the person chose fuller texts. Times
 * are Helsinki time, said as "today", "tomorrow" or a date.
 */
@Component
public class NoticeWording {

	/** Where meetings are planned (domain: Europe/Helsinki). */
	static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	/**
	 * One notice in words.
	 *
	 * @param subject a subject line for it alone
	 * @param line the sentence that tells it
	 * @param link where to read more in the app
	 */
	public record Worded(Notification notification, String subject, String line, URI link) {
	}

	private final LanguageFiles texts;

	private final ReachConfiguration config;

	private final Clock clock;

	NoticeWording(LanguageFiles texts, ReachConfiguration config, Clock clock) {
		this.texts = texts;
		this.config = config;
		this.clock = clock;
	}

	/** The notice in the words of {@code settings}' language and choice of fullness. */
	public Worded word(Notification notification, ReachSettings settings) {
		String language = settings.language();
		Map<String, String> params = params(notification, language);
		String subject = texts.text(language, "reach.subject." + notification.kind(), params);
		String line = settings.fullTexts() ? texts.text(language, fullKey(notification), params)
				: texts.text(language, "reach.body." + notification.kind(), params);
		return new Worded(notification, subject, line, link(notification));
	}

	/** A subject for several notices at once. */
	public String subjectOfMany(int count, ReachSettings settings) {
		return texts.text(settings.language(), "reach.subject.many", Map.of("count", String.valueOf(count)));
	}

	/** A text of the language files, e.g. the footer of an e-mail. */
	public String text(ReachSettings settings, String key, Map<String, String> params) {
		return texts.text(settings.language(), key, params);
	}

	/** When {@code at} is, said as people say it: "huomenna klo 18.00". */
	public String when(Instant at, String language) {
		ZonedDateTime local = at.atZone(HELSINKI);
		LocalDate today = LocalDate.now(clock.withZone(HELSINKI));
		Locale locale = Locale.forLanguageTag(language);
		String time = DateTimeFormatter.ofPattern(texts.text(language, "reach.format.time", Map.of()), locale)
			.format(local);
		String date = DateTimeFormatter.ofPattern(texts.text(language, "reach.format.date", Map.of()), locale)
			.format(local);
		String key = local.toLocalDate().equals(today) ? "reach.when.today"
				: local.toLocalDate().equals(today.plusDays(1)) ? "reach.when.tomorrow" : "reach.when.date";
		return texts.text(language, key, Map.of("time", time, "date", date));
	}

	private Map<String, String> params(Notification notification, String language) {
		Map<String, String> p = notification.params();
		Map<String, String> params = new HashMap<>();
		params.put("series", p.getOrDefault("seriesTitle", ""));
		params.put("room", p.getOrDefault("roomTitle", ""));
		params.put("name", p.getOrDefault("displayName", p.getOrDefault("facilitatorName", "")));
		String localTheme = p.get("theme" + Character.toUpperCase(language.charAt(0)) + language.substring(1));
		params.put("theme", localTheme != null && !localTheme.isBlank() ? localTheme : p.getOrDefault("themeFi", ""));
		if (p.containsKey("startsAt")) {
			params.put("when", when(Instant.parse(p.get("startsAt")), language));
		}
		if (p.containsKey("previousStartsAt")) {
			params.put("previous", when(Instant.parse(p.get("previousStartsAt")), language));
		}
		return params;
	}

	/** The bell's text, with the variants the client picks for the same case. */
	private static String fullKey(Notification notification) {
		String outcome = notification.params().get("outcome");
		if (notification.kind().equals(NoticeKind.MODERATION_APPEAL_ANSWERED.code()) && outcome != null) {
			return "notification." + notification.kind() + "." + outcome;
		}
		boolean named = notification.params().containsKey("displayName")
				|| notification.params().containsKey("facilitatorName");
		if (!named && NAMED.contains(notification.kind())) {
			return "notification." + notification.kind() + ".nameless";
		}
		return "notification." + notification.kind();
	}

	/**
	 * Kinds that name another person, and read as by a deleted user once that person is
	 * gone.
	 */
	private static final List<String> NAMED = List.of(NoticeKind.PRIVATE_TALK_OPENED.code(),
			NoticeKind.PRIVATE_TALK_REQUESTED.code(), NoticeKind.PEER_INVITATION_ACCEPTED.code(),
			NoticeKind.PEER_INVITATION_DECLINED.code());

	/** Where the notice leads in the app, as the bell's link does. */
	private URI link(Notification notification) {
		Map<String, String> p = notification.params();
		String kind = notification.kind();
		if (kind.equals(NoticeKind.FEEDBACK_REQUESTED.code())) {
			return config.link("#/feedback");
		}
		if (kind.equals(NoticeKind.SAFETY_ESCALATED.code())) {
			return config.link("#/safety");
		}
		if (kind.startsWith("peer_invitation.")) {
			return config.link("#/home");
		}
		boolean toRoom = kind.equals(NoticeKind.SESSION_LOBBY_OPEN.code()) || kind.startsWith("private_talk.")
				|| kind.startsWith("moderation.");
		if (toRoom && p.containsKey("roomId")) {
			return config.link("#/rooms/" + p.get("roomId"));
		}
		String series = p.getOrDefault("seriesId", kind.startsWith("enrolment.") || kind.startsWith("series.")
				? notification.subjectId().toString() : null);
		return series != null ? config.link("#/series/" + series) : config.link("#/home");
	}

}
