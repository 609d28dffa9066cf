package fi.tukipiiri.accounts.web;

import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Role;

@RestController
class MeController {

	private final AccountService accounts;

	MeController(AccountService accounts) {
		this.accounts = accounts;
	}

	record Me(UUID id, String username, String displayName, Set<Role> roles, boolean guest) {
		static Me of(Account account) {
			return new Me(account.id(), account.username(), account.displayName(), account.roles(), account.guest());
		}
	}

	@GetMapping("/api/me")
	Me me(Authentication authentication) {
		return Me.of(accounts.get(UUID.fromString(authentication.getName())));
	}
}
