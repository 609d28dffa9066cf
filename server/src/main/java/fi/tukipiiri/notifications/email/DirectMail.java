package fi.tukipiiri.notifications.email;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import fi.tukipiiri.notifications.NoticeWording;
import fi.tukipiiri.notifications.ReachConfiguration;
import fi.tukipiiri.notifications.ReachSettings;

/**
 * A message the person asked for just now (a link to verify an address or reset a
 * password): sent at once, not through the outbox, because the person is waiting for it
 * and can ask again.
 */
@Component
class DirectMail {

	private final ObjectProvider<JavaMailSender> mail;

	private final NoticeWording wording;

	private final ReachConfiguration config;

	DirectMail(ObjectProvider<JavaMailSender> mail, NoticeWording wording, ReachConfiguration config) {
		this.mail = mail;
		this.wording = wording;
		this.config = config;
	}

	/**
	 * Sends the texts {@code subjectKey} and {@code bodyKey} of the person's language to
	 * {@code to}.
	 * @throws EmailProblems.MailUnavailable when there is no SMTP server or it refused
	 */
	void send(String to, ReachSettings settings, String subjectKey, String bodyKey, Map<String, String> params) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new EmailProblems.MailUnavailable();
		}
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(config.mailFrom());
			helper.setTo(to);
			helper.setSubject(wording.text(settings, subjectKey, params));
			String body = wording.text(settings, bodyKey, params);
			helper.setText(body,
					"<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(settings.language())
							+ "\"><body style=\"font-family:sans-serif;font-size:16px;line-height:1.5\"><p>"
							+ linked(HtmlUtils.htmlEscape(body, StandardCharsets.UTF_8.name()), params.get("link"))
							+ "</p></body></html>");
			message.setHeader("Auto-Submitted", "auto-generated");
			sender.send(message);
		}
		catch (MessagingException | MailException ex) {
			throw new EmailProblems.MailUnavailable();
		}
	}

	/** The link in the escaped body, made clickable. */
	private static String linked(String escapedBody, String link) {
		if (link == null) {
			return escapedBody;
		}
		String escapedLink = HtmlUtils.htmlEscape(link, StandardCharsets.UTF_8.name());
		return escapedBody.replace(escapedLink, "<a href=\"" + escapedLink + "\">" + escapedLink + "</a>");
	}

}
