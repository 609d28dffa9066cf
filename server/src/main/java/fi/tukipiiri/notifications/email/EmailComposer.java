package fi.tukipiiri.notifications.email;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import fi.tukipiiri.notifications.NoticeKind;
import fi.tukipiiri.notifications.NoticeWording;
import fi.tukipiiri.notifications.Notification;
import fi.tukipiiri.notifications.ReachConfiguration;
import fi.tukipiiri.notifications.ReachSettings;
import fi.tukipiiri.notifications.ReachSettingsService;
import fi.tukipiiri.series.MeetingInvitations;

/**
 * Writes notices as one e-mail: plain text and HTML in the person's language, discreet
 * unless they chose fuller texts, with the one-click unsubscribe headers of RFC 8058 (RFC
 * 2369 {@code List-Unsubscribe}), {@code Auto-Submitted: auto-generated} (RFC 3834), a
 * {@code Message-ID} that stays the same on every attempt, and for each meeting notice
 * its calendar entry as an iTIP {@code .ics} (RFC 5546 REQUEST or CANCEL, RFC 6047).
 */
@Component
class EmailComposer {

	private final NoticeWording wording;

	private final ReachSettingsService reach;

	private final ReachConfiguration config;

	private final MeetingInvitations invitations;

	EmailComposer(NoticeWording wording, ReachSettingsService reach, ReachConfiguration config,
			MeetingInvitations invitations) {
		this.wording = wording;
		this.reach = reach;
		this.config = config;
		this.invitations = invitations;
	}

	MimeMessage compose(Session session, UUID accountId, ReachSettings settings, List<Notification> notices,
			UUID messageId) throws MessagingException {
		List<NoticeWording.Worded> worded = notices.stream().map(n -> wording.word(n, settings)).toList();
		String subject = worded.size() == 1 ? subjectOf(worded.get(0), settings)
				: wording.subjectOfMany(worded.size(), settings);
		Set<NoticeKind.Category> categories = notices.stream()
			.map(n -> NoticeKind.of(n.kind()).category())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		URI unsubscribe = UriComponentsBuilder.fromUri(config.api("api/reach/unsubscribe"))
			.queryParam("key", reach.unsubscribeKey(accountId))
			.queryParam("categories", categories.stream().map(Enum::name).collect(Collectors.joining(",")))
			.build()
			.toUri();
		URI settingsPage = config.link("#/settings");
		MimeMessage message = new StableIdMessage(session, "<" + messageId + "@tukipiiri>");
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED,
				StandardCharsets.UTF_8.name());
		helper.setFrom(config.mailFrom());
		helper.setTo(settings.email());
		helper.setSubject(subject);
		helper.setText(plain(worded, settings, settingsPage, unsubscribe),
				html(worded, settings, settingsPage, unsubscribe));
		message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		message.setHeader("Auto-Submitted", "auto-generated");
		for (NoticeWording.Worded one : worded) {
			DataSource ics = calendarEntry(one, settings);
			if (ics != null) {
				helper.addAttachment(wording.text(settings, "reach.email.icsName", Map.of()) + ".ics", ics);
			}
		}
		return message;
	}

	/** A subject line; with fuller texts it names the group too. */
	private String subjectOf(NoticeWording.Worded one, ReachSettings settings) {
		String series = one.notification().params().get("seriesTitle");
		return settings.fullTexts() && series != null && !series.isBlank() ? one.subject() + " – " + series
				: one.subject();
	}

	private String plain(List<NoticeWording.Worded> worded, ReachSettings settings, URI settingsPage, URI unsubscribe) {
		StringBuilder text = new StringBuilder();
		for (NoticeWording.Worded one : worded) {
			text.append(one.line()).append("\n").append(one.link()).append("\n\n");
		}
		text.append("-- \n")
			.append(wording.text(settings, "reach.email.why", Map.of()))
			.append("\n")
			.append(wording.text(settings, "reach.email.settings", Map.of()))
			.append(": ")
			.append(settingsPage)
			.append("\n")
			.append(wording.text(settings, "reach.email.unsubscribe", Map.of()))
			.append(": ")
			.append(unsubscribe)
			.append("\n");
		return text.toString();
	}

	private String html(List<NoticeWording.Worded> worded, ReachSettings settings, URI settingsPage, URI unsubscribe) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(escape(settings.language()))
			.append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"></head>")
			.append("<body style=\"font-family:sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a\">");
		String open = wording.text(settings, "reach.open", Map.of());
		for (NoticeWording.Worded one : worded) {
			html.append("<p>")
				.append(escape(one.line()))
				.append("</p><p><a href=\"")
				.append(escape(one.link().toString()))
				.append("\">")
				.append(escape(open))
				.append("</a></p>");
		}
		html.append("<hr><p style=\"font-size:14px;color:#555\">")
			.append(escape(wording.text(settings, "reach.email.why", Map.of())))
			.append(" <a href=\"")
			.append(escape(settingsPage.toString()))
			.append("\">")
			.append(escape(wording.text(settings, "reach.email.settings", Map.of())))
			.append("</a> · <a href=\"")
			.append(escape(unsubscribe.toString()))
			.append("\">")
			.append(escape(wording.text(settings, "reach.email.unsubscribe", Map.of())))
			.append("</a></p></body></html>");
		return html.toString();
	}

	/** The meeting's iTIP entry, or null for a notice that is not about one meeting. */
	private DataSource calendarEntry(NoticeWording.Worded one, ReachSettings settings) {
		Notification notice = one.notification();
		NoticeKind kind = NoticeKind.of(notice.kind());
		if (!kind.aboutSession() || !notice.params().containsKey("sessionId")) {
			return null;
		}
		MeetingInvitations.Method method = kind == NoticeKind.SESSION_CANCELLED ? MeetingInvitations.Method.CANCEL
				: MeetingInvitations.Method.REQUEST;
		String summary = settings.fullTexts() ? notice.params().getOrDefault("seriesTitle", "")
				: wording.text(settings, "reach.email.icsSummary", Map.of());
		byte[] ics = invitations.ics(new MeetingInvitations.Invitation(UUID.fromString(notice.params().get("seriesId")),
				UUID.fromString(notice.params().get("sessionId")), method, summary, one.line(), one.link(),
				address(config.mailFrom()), settings.email()));
		ByteArrayDataSource source = new ByteArrayDataSource(ics,
				"text/calendar; method=" + method.name() + "; charset=UTF-8");
		return source;
	}

	/** The bare address of a {@code Name <address>} sender. */
	private static String address(String from) {
		int open = from.indexOf('<');
		int close = from.indexOf('>', open + 1);
		return open >= 0 && close > open ? from.substring(open + 1, close) : from.trim();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

	/** A message whose Message-ID is ours, not one Jakarta Mail makes up on each save. */
	private static final class StableIdMessage extends MimeMessage {

		private final String id;

		StableIdMessage(Session session, String id) {
			super(session);
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", id);
		}

	}

}
