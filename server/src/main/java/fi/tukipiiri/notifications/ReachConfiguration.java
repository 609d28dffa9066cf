package fi.tukipiiri.notifications;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notices leave the app ({@code tukipiiri.reach.*}).
 *
 * @param publicUrl the address people open Tukipiiri at; links in e-mails and push
 * messages start with it
 * @param mailFrom the sender of every e-mail (RFC 5322 address, may carry a display name)
 * @param gather how long a new notice waits for others to the same person, so a burst
 * leaves as one message
 * @param tick how often each node looks for messages due
 * @param firstRetry the wait after a first failed attempt; it doubles with each attempt
 * @param maxRetry the longest wait between attempts
 * @param maxAttempts attempts before a message is given up (recorded, never retried)
 * @param linkValidFor how long a link to verify an address or reset a password works
 * @param passwordLinksPerAddress how many password links one network address may ask for
 * in an hour
 */
@ConfigurationProperties("tukipiiri.reach")
public record ReachConfiguration(@DefaultValue("http://localhost:8080") URI publicUrl,
		@DefaultValue("Tukipiiri <no-reply@tukipiiri.invalid>") String mailFrom, @DefaultValue("30s") Duration gather,
		@DefaultValue("2s") Duration tick, @DefaultValue("30s") Duration firstRetry,
		@DefaultValue("1h") Duration maxRetry, @DefaultValue("10") int maxAttempts,
		@DefaultValue("30m") Duration linkValidFor, @DefaultValue("10") int passwordLinksPerAddress) {

	/** An address inside the web client, e.g. {@code #/settings}. */
	public URI link(String hash) {
		String base = publicUrl.toString();
		return URI.create((base.endsWith("/") ? base : base + "/") + hash);
	}

	/** An address of the server's API, e.g. {@code api/reach/unsubscribe}. */
	public URI api(String path) {
		return link(path);
	}

}
