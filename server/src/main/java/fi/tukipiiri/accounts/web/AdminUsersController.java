package fi.tukipiiri.accounts.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.accounts.RoleChange;

@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class AdminUsersController {

	private final AccountService accounts;

	AdminUsersController(AccountService accounts) {
		this.accounts = accounts;
	}

	record UserView(UUID id, String username, String displayName, Set<Role> roles, boolean guest, Instant createdAt) {
		static UserView of(Account account) {
			return new UserView(account.id(), account.username(), account.displayName(), account.roles(),
					account.guest(), account.createdAt());
		}
	}

	record RolesRequest(@NotNull @Size(min = 1, max = 5) Set<@NotNull Role> roles) {
	}

	@GetMapping
	List<UserView> list(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int offset) {
		return accounts.list(q, limit, offset).stream().map(UserView::of).toList();
	}

	@GetMapping("/{id}")
	UserView get(@PathVariable UUID id) {
		return UserView.of(accounts.get(id));
	}

	@PutMapping("/{id}/roles")
	UserView changeRoles(@PathVariable UUID id, @Valid @RequestBody RolesRequest request, Authentication admin) {
		return UserView.of(accounts.changeRoles(id, request.roles(), UUID.fromString(admin.getName())));
	}

	@GetMapping("/{id}/role-changes")
	List<RoleChange> roleChanges(@PathVariable UUID id) {
		return accounts.roleChanges(id);
	}

}
