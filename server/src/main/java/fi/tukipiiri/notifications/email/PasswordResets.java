package fi.tukipiiri.notifications.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PreDestroy;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.notifications.ReachConfiguration;
import fi.tukipiiri.notifications.ReachSettings;
import fi.tukipiiri.notifications.ReachSettingsService;

/**
 * "Forgot password" for those with a verified address: a single-use link valid
 * {@code tukipiiri.reach.link-valid-for} (30 minutes), its token stored only as a
 * SHA-256. Asking answers the same whether or not the address belongs to anyone, and the
 * mail is sent off the request thread so the answer takes as long either way; an account
 * gets at most {@value #LINKS_PER_HOUR} links an hour, so nobody can fill another's
 * inbox. Setting the new password ends every sign-in and live connection of the account
 * ({@link AccountService#resetPassword}).
 */
@Service
class PasswordResets {

	static final String RESET = "RESET";

	static final int LINKS_PER_HOUR = 3;

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	private final EmailVerifications links;

	private final ReachSettingsService reach;

	private final AccountService accounts;

	private final DirectMail mail;

	private final ReachConfiguration config;

	/**
	 * Sends off the request thread, so the answer takes as long for a known address as
	 * for an unknown one.
	 */
	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	private final TransactionTemplate transactions;

	private final Clock clock;

	PasswordResets(EmailVerifications links, ReachSettingsService reach, AccountService accounts, DirectMail mail,
			ReachConfiguration config, TransactionTemplate transactions, Clock clock) {
		this.links = links;
		this.reach = reach;
		this.accounts = accounts;
		this.mail = mail;
		this.config = config;
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(2);
		executor.setQueueCapacity(200);
		executor.setThreadNamePrefix("password-reset-mail-");
		executor.initialize();
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Sends a reset link to {@code email} if it is a registered account's verified
	 * address; otherwise nothing. Never says which.
	 * @throws fi.tukipiiri.platform.InvalidFields {@code validation.failed} for something
	 * that is not an e-mail address at all
	 */
	void request(String email) {
		String address = EmailAddresses.valid(email);
		try {
			executor.execute(() -> {
				try {
					transactions.executeWithoutResult(status -> sendIfKnown(address));
				}
				catch (RuntimeException ex) {
					log.warn("A password reset link could not be sent: {}", ex.toString());
				}
			});
		}
		catch (TaskRejectedException ex) {
			// a flood of requests: the answer stays the same, the link is not sent
			log.warn("Password reset links queued to the limit; one was not sent");
		}
	}

	@PreDestroy
	void stop() {
		executor.shutdown();
	}

	private void sendIfKnown(String address) {
		Optional<UUID> owner = reach.accountWithVerifiedEmail(address);
		if (owner.isEmpty()) {
			return;
		}
		Account account = accounts.get(owner.get());
		Instant now = clock.instant();
		if (account.guest() || links.sentSince(account.id(), RESET,
				now.minus(Duration.ofHours(1)).plus(config.linkValidFor())) >= LINKS_PER_HOUR) {
			return;
		}
		String token = EmailAddresses.newToken();
		// to the address as the person verified it, however it was typed here
		ReachSettings settings = reach.of(account.id());
		links.add(EmailAddresses.sha256(token), account.id(), settings.email(), RESET, now.plus(config.linkValidFor()));
		mail.send(settings.email(), settings, "reach.email.reset.subject", "reach.email.reset.body",
				Map.of("link", config.link("#/reset-password?token=" + token).toString(), "minutes",
						String.valueOf(config.linkValidFor().toMinutes()), "username", account.username()));
	}

	/**
	 * Sets the new password of the link's account, once, and ends all its sign-ins and
	 * connections.
	 * @throws EmailProblems.LinkInvalid for an unknown, used or expired link (nothing
	 * changes)
	 * @throws fi.tukipiiri.platform.InvalidFields {@code validation.failed} for the field
	 * {@code newPassword}; the link stays usable
	 */
	@Transactional
	void reset(String token, String newPassword) {
		if (token == null || token.length() > 100) {
			throw new EmailProblems.LinkInvalid();
		}
		EmailVerifications.Pending pending = links.use(EmailAddresses.sha256(token), RESET, clock.instant())
			.orElseThrow(EmailProblems.LinkInvalid::new);
		// a refused password rolls the whole transaction back, the link's use included
		accounts.resetPassword(pending.accountId(), newPassword);
		links.withdrawAll(pending.accountId(), RESET, clock.instant());
	}

}
