package fi.tukipiiri.notifications;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.notifications.NoticeKind.Category;

/**
 * Each person's {@link ReachSettings}: read by the outbox and the notices, changed from
 * the settings page and by one-click unsubscribe links.
 */
@Service
public class ReachSettingsService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ReachSettingsStore store;

	private final LanguageFiles languages;

	private final Clock clock;

	ReachSettingsService(ReachSettingsStore store, LanguageFiles languages, Clock clock) {
		this.store = store;
		this.languages = languages;
		this.clock = clock;
	}

	/** The person's settings, or the defaults if they never changed any. */
	@Transactional(readOnly = true)
	public ReachSettings of(UUID accountId) {
		return store.find(accountId).orElseGet(ReachSettings::defaults);
	}

	/**
	 * Replaces what the person chose (the address and its proof are changed elsewhere).
	 * @throws IllegalArgumentException for a language without a file: callers validate
	 * first with {@link #offers(String)}
	 */
	@Transactional
	public ReachSettings update(UUID accountId, ReachSettings chosen) {
		if (!offers(chosen.language())) {
			throw new IllegalArgumentException("No language " + chosen.language());
		}
		ensureRow(accountId);
		store.update(accountId, chosen, clock.instant());
		return of(accountId);
	}

	/**
	 * Keeps the language the person chose in the app, for what reaches them outside it.
	 */
	@Transactional
	public void useLanguage(UUID accountId, String language) {
		if (!offers(language)) {
			throw new IllegalArgumentException("No language " + language);
		}
		ensureRow(accountId);
		store.updateLanguage(accountId, language, clock.instant());
	}

	/** Whether there is a language file for {@code language}. */
	public boolean offers(String language) {
		return language != null && languages.codes().contains(language);
	}

	/**
	 * The secret of the person's one-click unsubscribe links, made on first use. It can
	 * only stop e-mails, never read or change anything else.
	 */
	@Transactional
	public String unsubscribeKey(UUID accountId) {
		ensureRow(accountId);
		return store.unsubscribeKey(accountId).orElseThrow();
	}

	/**
	 * Stops e-mails of {@code category} for whoever holds the key (RFC 8058 one-click).
	 * @return false if no account has this key
	 */
	@Transactional
	public boolean unsubscribe(String key, Category category) {
		Optional<UUID> account = store.accountWithUnsubscribeKey(key);
		account.ifPresent(id -> store.stopEmailing(id, category, clock.instant()));
		return account.isPresent();
	}

	/** Records an address the person has just proved they read. */
	@Transactional
	public void verifiedEmail(UUID accountId, String email) {
		ensureRow(accountId);
		store.setEmail(accountId, email, clock.instant(), clock.instant());
	}

	/** Forgets the person's address; nothing is e-mailed any more. */
	@Transactional
	public void removeEmail(UUID accountId) {
		ensureRow(accountId);
		store.setEmail(accountId, null, null, clock.instant());
	}

	/** Whether someone else has already verified this address. */
	@Transactional(readOnly = true)
	public boolean verifiedByAnother(String email, UUID accountId) {
		return store.verifiedElsewhere(email, accountId);
	}

	/** The account whose verified address this is, compared case-insensitively. */
	@Transactional(readOnly = true)
	public Optional<UUID> accountWithVerifiedEmail(String email) {
		return store.accountWithVerified(email);
	}

	private void ensureRow(UUID accountId) {
		byte[] key = new byte[24];
		RANDOM.nextBytes(key);
		store.ensure(accountId, Base64.getUrlEncoder().withoutPadding().encodeToString(key), clock.instant());
	}

}
