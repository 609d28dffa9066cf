package fi.tukipiiri.accounts.web;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.PersonalDataService;
import fi.tukipiiri.accounts.Role;

@RestController
class MeController {

	private final AccountService accounts;

	private final PersonalDataService personalData;

	MeController(AccountService accounts, PersonalDataService personalData) {
		this.accounts = accounts;
		this.personalData = personalData;
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

	record Erasure(@Size(max = 200) String password) {
	}

	/** Checked by the accounts service under the text policy, as at registration. */
	record DisplayNameChange(String displayName) {
	}

	/**
	 * A registered person's new nickname; guests are refused with
	 * {@code accounts.registered_only}.
	 */
	@PutMapping("/api/me/display-name")
	Me changeDisplayName(@Valid @RequestBody DisplayNameChange request, Authentication authentication) {
		return Me.of(accounts.changeDisplayName(UUID.fromString(authentication.getName()), request.displayName()));
	}

	/** Everything the service holds about the caller, as a JSON download. */
	@GetMapping("/api/me/export")
	ResponseEntity<Map<String, Object>> export(Authentication authentication) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tukipiiri-my-data.json\"")
			.body(personalData.export(UUID.fromString(authentication.getName())));
	}

	/**
	 * Deletes the caller's account and data; their tokens stop working at once on every
	 * node.
	 */
	@PostMapping("/api/me/erasure")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void erase(@Valid @RequestBody Erasure request, Authentication authentication) {
		personalData.erase(UUID.fromString(authentication.getName()), request.password());
	}

}
