package fi.tukipiiri.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static fi.tukipiiri.accounts.Credentials.PASSWORD_MAX;
import static fi.tukipiiri.accounts.Credentials.USERNAME_MAX;
import static fi.tukipiiri.accounts.Credentials.USERNAME_MIN;
import static fi.tukipiiri.accounts.Credentials.USERNAME_PATTERN;

@RestController
@RequestMapping("/api/auth")
class AuthController {

	/**
	 * Refresh tokens are 43 base64url characters; anything much longer is not one of
	 * ours.
	 */
	private static final int REFRESH_TOKEN_MAX = 128;

	private static final int RECOVERY_CODE_MAX = 64;

	private final SignInService signIn;

	AuthController(SignInService signIn) {
		this.signIn = signIn;
	}

	/** Checked, all fields together, by the accounts service under the text policy. */
	record RegisterRequest(String username, String password, String displayName) {
	}

	/**
	 * A username outside the rule is refused here, before any lookup or counting: the
	 * rule is public, so the answer tells nothing about whether an account exists.
	 */
	record LoginRequest(
			@NotBlank @Size(min = USERNAME_MIN, max = USERNAME_MAX) @Pattern(regexp = USERNAME_PATTERN) String username,
			@NotNull @Size(min = 1, max = PASSWORD_MAX) String password) {
	}

	/** Checked by the accounts service under the text policy, like a display name. */
	record GuestRequest(String nickname) {
	}

	record RefreshRequest(@NotBlank @Size(max = REFRESH_TOKEN_MAX) String refreshToken) {
	}

	/**
	 * The username follows the public rule, as at sign-in; the code is up to 64
	 * characters (16 that count, with any spaces and dashes); the new password is checked
	 * by the accounts service like a registration's.
	 */
	record RecoverRequest(
			@NotBlank @Size(min = USERNAME_MIN, max = USERNAME_MAX) @Pattern(regexp = USERNAME_PATTERN) String username,
			@NotBlank @Size(max = RECOVERY_CODE_MAX) String recoveryCode, @NotNull String newPassword) {
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	SignInService.Registered register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
		return signIn.register(request.username(), request.password(), request.displayName(), http.getRemoteAddr(),
				http.getHeader(HttpHeaders.USER_AGENT));
	}

	@PostMapping("/login")
	TokenPair login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return signIn.login(request.username(), request.password(), http.getRemoteAddr(),
				http.getHeader(HttpHeaders.USER_AGENT));
	}

	@PostMapping("/guest")
	@ResponseStatus(HttpStatus.CREATED)
	TokenPair guest(@Valid @RequestBody GuestRequest request, HttpServletRequest http) {
		return signIn.guest(request.nickname(), http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT));
	}

	@PostMapping("/recover")
	TokenPair recover(@Valid @RequestBody RecoverRequest request, HttpServletRequest http) {
		return signIn.recover(request.username(), request.recoveryCode(), request.newPassword(), http.getRemoteAddr(),
				http.getHeader(HttpHeaders.USER_AGENT));
	}

	@PostMapping("/refresh")
	TokenPair refresh(@Valid @RequestBody RefreshRequest request) {
		return signIn.refresh(request.refreshToken());
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
		signIn.logout(request.refreshToken(),
				(AccessTokens.Verified) http.getAttribute(BearerTokenFilter.VERIFIED_TOKEN));
	}

}
