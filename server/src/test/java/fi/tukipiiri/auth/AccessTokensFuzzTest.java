package fi.tukipiiri.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.UUID;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.databind.json.JsonMapper;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.Role;

/**
 * Access-token parsing under arbitrary input: nothing a client sends as a token makes
 * verification throw, and no token is accepted unless its header and claims are exactly
 * what was signed. The corpus in
 * {@code src/test/resources/fi/tukipiiri/auth/AccessTokensFuzzTestInputs} is replayed in
 * every build.
 */
class AccessTokensFuzzTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

	private static final AccessTokens TOKENS = new AccessTokens(
			new AuthSettings("dGVzdC1vbmx5LWtleS1mb3ItdHVraXBpaXJpLWludGVncmF0aW9uLXRlc3Rz", Duration.ofMinutes(15),
					Duration.ofDays(14), new AuthSettings.LoginLimits(5, 30, Duration.ofMinutes(15)),
					new AuthSettings.SignUpLimits(20, Duration.ofHours(1)),
					new AuthSettings.RecoveryLimits(5, 20, Duration.ofHours(1)), Duration.ofSeconds(30)),
			CLOCK, JsonMapper.builder().build());

	private static final String ISSUED = TOKENS
		.issue(new Account(UUID.fromString("5b2ad1d4-36d4-4c86-a46e-5f8e5dbd0e51"), "anna", "Anna",
				EnumSet.of(Role.PARENT), false, Instant.parse("2026-11-01T00:00:00Z"), null), 3,
				UUID.fromString("0f0e6a5c-9c55-4a5f-9c38-1d1f8d0a7c11"), null)
		.token();

	@FuzzTest(maxDuration = "30s")
	void anythingGivenAsATokenIsRefusedWithoutThrowing(FuzzedDataProvider data) {
		String token = data.consumeRemainingAsString();
		assertThat(TOKENS.verify(token)).as("a token nobody signed: %s", token).isEmpty();
	}

	@FuzzTest(maxDuration = "30s")
	void aTokenWhoseHeaderOrClaimsWereChangedIsRefused(FuzzedDataProvider data) {
		String[] parts = ISSUED.split("\\.");
		boolean changeHeader = data.consumeBoolean();
		byte[] replacement = data.consumeRemainingAsBytes();
		String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(replacement);
		String original = changeHeader ? parts[0] : parts[1];
		String tampered = changeHeader ? encoded + "." + parts[1] + "." + parts[2]
				: parts[0] + "." + encoded + "." + parts[2];
		if (encoded.equals(original)) {
			assertThat(TOKENS.verify(tampered)).isPresent();
			return;
		}
		assertThat(TOKENS.verify(tampered))
			.as("%s changed to %s", changeHeader ? "header" : "claims", new String(replacement, StandardCharsets.UTF_8))
			.isEmpty();
	}

}
