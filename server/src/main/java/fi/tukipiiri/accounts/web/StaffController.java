package fi.tukipiiri.accounts.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Role;

/**
 * Facilitators and peer supporters, for those who plan series and assign staff to them.
 */
@RestController
class StaffController {

	/** More than any region has; the list is meant to be read whole. */
	private static final int LIMIT = 500;

	private final AccountService accounts;

	StaffController(AccountService accounts) {
		this.accounts = accounts;
	}

	/** Only what choosing staff needs: no usernames, no dates. */
	record StaffView(UUID id, String displayName, Set<Role> roles) {
		static StaffView of(Account account) {
			return new StaffView(account.id(), account.displayName(), account.roles());
		}
	}

	@GetMapping("/api/staff")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	List<StaffView> staff() {
		return accounts.staff(LIMIT).stream().map(StaffView::of).toList();
	}

}
