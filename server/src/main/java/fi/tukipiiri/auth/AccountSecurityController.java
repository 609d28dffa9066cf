package fi.tukipiiri.auth;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static fi.tukipiiri.accounts.Credentials.PASSWORD_MAX;

/**
 * A registered person's password, recovery codes and sign-ins; guests are refused with
 * {@code accounts.registered_only}. The caller is the access token's bearer, and the
 * asking sign-in is the token's family.
 */
@RestController
@RequestMapping("/api/me")
class AccountSecurityController {

	private final AccountSecurity security;

	AccountSecurityController(AccountSecurity security) {
		this.security = security;
	}

	/** The new password is checked like a registration's by the accounts service. */
	record PasswordChange(@NotNull @Size(min = 1, max = PASSWORD_MAX) String currentPassword,
			@NotNull String newPassword) {
	}

	record PasswordConfirmation(@NotNull @Size(min = 1, max = PASSWORD_MAX) String password) {
	}

	record RecoveryCodesLeft(int remaining) {
	}

	record NewRecoveryCodes(List<String> recoveryCodes, int remaining) {
	}

	record Ended(int ended) {
	}

	@PutMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@Valid @RequestBody PasswordChange request, HttpServletRequest http) {
		security.changePassword(caller(http), request.currentPassword(), request.newPassword(), http.getRemoteAddr());
	}

	@GetMapping("/recovery-codes")
	RecoveryCodesLeft recoveryCodes(HttpServletRequest http) {
		return new RecoveryCodesLeft(security.remainingCodes(caller(http).accountId()));
	}

	@PostMapping("/recovery-codes")
	@ResponseStatus(HttpStatus.CREATED)
	NewRecoveryCodes regenerate(@Valid @RequestBody PasswordConfirmation request, HttpServletRequest http) {
		List<String> codes = security.regenerateCodes(caller(http), request.password(), http.getRemoteAddr());
		return new NewRecoveryCodes(codes, codes.size());
	}

	@GetMapping("/sign-ins")
	List<AccountSecurity.SignInView> sessions(HttpServletRequest http) {
		return security.signIns(caller(http));
	}

	@DeleteMapping("/sign-ins/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void endSession(@PathVariable UUID id, HttpServletRequest http) {
		security.endSignIn(caller(http), id);
	}

	@PostMapping("/sign-ins/end-others")
	Ended endOthers(HttpServletRequest http) {
		return new Ended(security.endOtherSignIns(caller(http)));
	}

	/** Every path here needs a signed-in caller (the security rules), so there is one. */
	private static AccessTokens.Verified caller(HttpServletRequest http) {
		return (AccessTokens.Verified) http.getAttribute(BearerTokenFilter.VERIFIED_TOKEN);
	}

}
