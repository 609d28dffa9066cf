package fi.tukipiiri.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import fi.tukipiiri.text.TextCheck;

/**
 * On an empty database, creates the administrator named by TUKIPIIRI_ADMIN_USERNAME /
 * TUKIPIIRI_ADMIN_PASSWORD.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final AccountService accounts;

	private final AccountSettings settings;

	FirstAdmin(AccountService accounts, AccountSettings settings) {
		this.accounts = accounts;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		String username = settings.adminUsername();
		String password = settings.adminPassword();
		if (username == null || username.isBlank() || password == null || password.isEmpty()) {
			log.info("No TUKIPIIRI_ADMIN_USERNAME / TUKIPIIRI_ADMIN_PASSWORD given; no first administrator is created");
			return;
		}
		if (Credentials.canonicalUsername(username).isEmpty()) {
			throw new IllegalStateException("TUKIPIIRI_ADMIN_USERNAME must be " + Credentials.USERNAME_MIN + "–"
					+ Credentials.USERNAME_MAX + " characters of letters, digits, '.', '_' or '-'");
		}
		if (Credentials.PASSWORD.check(password) instanceof TextCheck.Refused refused) {
			throw new IllegalStateException("TUKIPIIRI_ADMIN_PASSWORD: " + refused.message());
		}
		if (accounts.createFirstAdmin(username, password)) {
			log.info("Created the first administrator account '{}'", username);
		}
	}

}
