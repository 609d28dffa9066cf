package fi.tukipiiri.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.PersonalData;

/**
 * One's sign-ins that can still be used, with the coarse device label each keeps: part of
 * one's data export. Erasure needs nothing here: refresh tokens go with the account row.
 */
@Component
class SignInsPersonalData implements PersonalData {

	private final RefreshTokens refreshTokens;

	private final Clock clock;

	SignInsPersonalData(RefreshTokens refreshTokens, Clock clock) {
		this.refreshTokens = refreshTokens;
		this.clock = clock;
	}

	/**
	 * @param device the coarse label ({@link DeviceLabels}), null when not recognised
	 */
	record OwnSignIn(String device, Instant signedInAt, Instant lastUsedAt) {
	}

	@Override
	public String part() {
		return "signIns";
	}

	@Override
	public Object exportOf(UUID accountId) {
		return refreshTokens.liveSignIns(accountId, clock.instant())
			.stream()
			.map(signIn -> new OwnSignIn(signIn.deviceLabel(), signIn.signedInAt(), signIn.lastUsedAt()))
			.toList();
	}

	@Override
	public void erase(UUID accountId) {
		// the account's refresh tokens are deleted with it (on delete cascade)
	}

}
