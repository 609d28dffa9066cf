package fi.tukipiiri.platform;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The mail the embedded SMTP server has received since the JVM started, for the
 * administrators' mail viewer and for tests. A bean only where that server runs
 * ({@value #ENABLED}), never beside a real SMTP server.
 */
@Component
@ConditionalOnProperty(CapturedMail.ENABLED)
public class CapturedMail {

	/** Set by the embedded infrastructure when it started the SMTP server. */
	public static final String ENABLED = "tukipiiri.embedded.mail-captured";

	/** Every message received, oldest first. */
	public List<MimeMessage> messages() {
		return EmbeddedInfrastructure.capturedMail();
	}

}
