package fi.tukipiiri.notifications.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.notifications.ReachConfiguration;
import fi.tukipiiri.notifications.ReachSettings;
import fi.tukipiiri.notifications.ReachSettingsService;
import fi.tukipiiri.platform.InvalidFields;

/**
 * A person's own e-mail address: added by proving they read it (a single-use link valid
 * {@code tukipiiri.reach.link-valid-for}, stored as the SHA-256 of its token), removed at
 * will. The answer to adding an address never says whether another account uses it; the
 * link's owner learns that only when they open it.
 */
@Service
class EmailAddresses {

	static final String VERIFY = "VERIFY";

	/** Links of one purpose an account may be sent per hour. */
	static final int LINKS_PER_HOUR = 5;

	/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets, so an address at most 254. */
	static final int MAX_LENGTH = 254;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final EmailVerifications verifications;

	private final ReachSettingsService reach;

	private final AccountService accounts;

	private final DirectMail mail;

	private final ReachConfiguration config;

	private final Clock clock;

	EmailAddresses(EmailVerifications verifications, ReachSettingsService reach, AccountService accounts,
			DirectMail mail, ReachConfiguration config, Clock clock) {
		this.verifications = verifications;
		this.reach = reach;
		this.accounts = accounts;
		this.mail = mail;
		this.config = config;
		this.clock = clock;
	}

	/**
	 * Sends a link to {@code raw} that makes it the person's address once opened.
	 * @throws InvalidFields {@code validation.failed} naming {@code email}
	 * @throws EmailProblems.GuestsHaveNoEmail for a guest pass
	 * @throws EmailProblems.TooManyLinks after {@value #LINKS_PER_HOUR} links in an hour
	 * @throws EmailProblems.MailUnavailable when no mail can be sent
	 */
	@Transactional
	public void requestVerification(UUID accountId, String raw) {
		String email = valid(raw);
		if (accounts.get(accountId).guest()) {
			throw new EmailProblems.GuestsHaveNoEmail();
		}
		Instant now = clock.instant();
		if (verifications.sentSince(accountId, VERIFY,
				now.minus(Duration.ofHours(1)).plus(config.linkValidFor())) >= LINKS_PER_HOUR) {
			throw new EmailProblems.TooManyLinks();
		}
		String token = newToken();
		verifications.add(sha256(token), accountId, email, VERIFY, now.plus(config.linkValidFor()));
		ReachSettings settings = reach.of(accountId);
		mail.send(email, settings, "reach.email.verify.subject", "reach.email.verify.body",
				Map.of("link", config.link("#/verify-email?token=" + token).toString(), "minutes",
						String.valueOf(config.linkValidFor().toMinutes())));
	}

	/**
	 * Makes the link's address its account's address.
	 * @throws EmailProblems.LinkInvalid for an unknown, used or expired link
	 * @throws EmailProblems.EmailTaken if another account verified the address meanwhile
	 */
	@Transactional
	public void verify(String token) {
		if (token == null || token.length() > 100) {
			throw new EmailProblems.LinkInvalid();
		}
		EmailVerifications.Pending pending = verifications.use(sha256(token), VERIFY, clock.instant())
			.orElseThrow(EmailProblems.LinkInvalid::new);
		if (reach.verifiedByAnother(pending.email(), pending.accountId())) {
			throw new EmailProblems.EmailTaken();
		}
		reach.verifiedEmail(pending.accountId(), pending.email());
		verifications.withdrawAll(pending.accountId(), VERIFY, clock.instant());
	}

	/** Forgets the address and every link still open for it. */
	@Transactional
	public void remove(UUID accountId) {
		reach.removeEmail(accountId);
		verifications.withdrawAll(accountId, VERIFY, clock.instant());
	}

	static String valid(String raw) {
		String email = raw == null ? "" : raw.strip();
		boolean ok = !email.isEmpty() && email.length() <= MAX_LENGTH && email.indexOf('@') > 0
				&& email.indexOf('@') == email.lastIndexOf('@') && email.substring(email.indexOf('@')).contains(".")
				// a domain name, never an address literal (RFC 5321 §4.1.3) that points
				// mail at a host
				&& !email.contains("[");
		if (ok) {
			try {
				InternetAddress parsed = new InternetAddress(email, true);
				parsed.validate();
				ok = parsed.getPersonal() == null && parsed.getAddress().equals(email);
			}
			catch (AddressException ex) {
				ok = false;
			}
		}
		if (!ok) {
			throw InvalidFields.of("email", "invalid_value", "Not an e-mail address.");
		}
		return email;
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
