package fi.tukipiiri.notifications.email;

import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import fi.tukipiiri.notifications.Notification;
import fi.tukipiiri.notifications.OutboundChannel;
import fi.tukipiiri.notifications.ReachSettings;

/**
 * E-mail through the configured SMTP server ({@code spring.mail.*}), to verified
 * addresses only. Without an SMTP server (the {@code prod} profile with none configured)
 * nobody is reachable by e-mail. Logs carry the account id, never an address or content.
 */
@Component
class EmailChannel implements OutboundChannel {

	private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final EmailComposer composer;

	EmailChannel(ObjectProvider<JavaMailSender> mail, EmailComposer composer) {
		this.mail = mail;
		this.composer = composer;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public boolean reaches(UUID accountId, ReachSettings settings) {
		return settings.emailVerified() && mail.getIfAvailable() != null;
	}

	@Override
	public Outcome send(UUID accountId, ReachSettings settings, List<Notification> notices, UUID messageId) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null || settings.email() == null) {
			return Outcome.DROPPED;
		}
		try {
			sender.send(composer.compose(session(sender), accountId, settings, notices, messageId));
			return Outcome.SENT;
		}
		catch (MessagingException ex) {
			log.warn("E-mail for account {} could not be written: {}", accountId, ex.toString());
			return Outcome.DROPPED;
		}
		catch (MailSendException ex) {
			boolean refusedAddress = ex.getFailedMessages()
				.values()
				.stream()
				.anyMatch(cause -> cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
						&& failed.getInvalidAddresses().length > 0);
			log.warn("E-mail for account {} not sent{}: {}", accountId, refusedAddress ? " (address refused)" : "",
					ex.getMessage());
			return refusedAddress ? Outcome.DROPPED : Outcome.RETRY;
		}
		catch (MailException ex) {
			log.warn("E-mail for account {} not sent: {}", accountId, ex.getMessage());
			return Outcome.RETRY;
		}
	}

	static jakarta.mail.Session session(JavaMailSender sender) {
		return sender instanceof JavaMailSenderImpl impl ? impl.getSession()
				: jakarta.mail.Session.getInstance(new java.util.Properties());
	}

}
