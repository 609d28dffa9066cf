package fi.tukipiiri.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SignInFlowIT {

	@Autowired
	ApiClient api;

	@Test
	void registersSignsInAndReadsOwnProfile() {
		var registered = api.post("/api/auth/register",
				Map.of("username", "isa.matti", "password", "pitkä salasana 1", "displayName", "  Isä   Matti "));
		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.body().path("expiresIn").asLong()).isEqualTo(900);

		Session session = api.login("ISA.MATTI", "pitkä salasana 1");
		var me = api.get("/api/me", session.accessToken());
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.text("username")).isEqualTo("isa.matti");
		assertThat(me.text("displayName")).isEqualTo("Isä Matti");
		assertThat(me.body().path("roles").toString()).isEqualTo("[\"PARENT\"]");
		assertThat(me.body().path("guest").asBoolean()).isFalse();
		assertThat(me.body().has("passwordHash")).isFalse();
	}

	@Test
	void usernamesAreUniqueRegardlessOfCase() {
		api.post("/api/auth/register", Map.of("username", "Kaisa", "password", "0123456789ab", "displayName", "Kaisa"));
		var again = api.post("/api/auth/register",
				Map.of("username", "kaisa", "password", "0123456789ab", "displayName", "Toinen"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("auth.username_taken");
	}

	@Test
	void guestPassNeedsOnlyANickname() {
		Session guest = api.guest("Yövuoron äiti");
		var me = api.get("/api/me", guest.accessToken());
		assertThat(me.body().path("guest").asBoolean()).isTrue();
		assertThat(me.body().path("username").isMissingNode() || me.body().path("username").isNull()).isTrue();
		assertThat(me.text("displayName")).isEqualTo("Yövuoron äiti");
		assertThat(me.body().path("roles").toString()).isEqualTo("[\"PARENT\"]");
	}

	@Test
	void refreshRotatesTheRefreshToken() {
		Session session = api.registerParent("Rotating");
		var refreshed = api.post("/api/auth/refresh", Map.of("refreshToken", session.refreshToken()));
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.text("refreshToken")).isNotEqualTo(session.refreshToken());
		assertThat(refreshed.text("accessToken")).isNotEqualTo(session.accessToken());
		assertThat(api.get("/api/me", refreshed.text("accessToken")).text("id")).isEqualTo(session.id().toString());

		var again = api.post("/api/auth/refresh", Map.of("refreshToken", refreshed.text("refreshToken")));
		assertThat(again.status()).isEqualTo(200);
	}

	@Test
	void reusingASpentRefreshTokenRevokesTheWholeFamily() {
		Session session = api.registerParent("Reuse");
		String next = api.post("/api/auth/refresh", Map.of("refreshToken", session.refreshToken()))
			.text("refreshToken");

		var reuse = api.post("/api/auth/refresh", Map.of("refreshToken", session.refreshToken()));
		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.code()).isEqualTo("auth.invalid_refresh_token");

		var legitimateNext = api.post("/api/auth/refresh", Map.of("refreshToken", next));
		assertThat(legitimateNext.status()).isEqualTo(401);
		assertThat(legitimateNext.code()).isEqualTo("auth.invalid_refresh_token");
	}

	@Test
	void familiesAreIndependent() {
		Session phone = api.registerParent("Two devices");
		var me = api.get("/api/me", phone.accessToken());
		Session laptop = api.login(me.text("username"), "correct horse battery");
		String spent = phone.refreshToken();
		api.post("/api/auth/refresh", Map.of("refreshToken", spent));
		api.post("/api/auth/refresh", Map.of("refreshToken", spent));

		assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", laptop.refreshToken())).status())
			.isEqualTo(200);
	}

	@Test
	void logoutRevokesRefreshAndTheAccessTokenUsed() {
		Session session = api.registerParent("Leaving");
		var logout = api.post("/api/auth/logout", Map.of("refreshToken", session.refreshToken()),
				session.accessToken());
		assertThat(logout.status()).isEqualTo(204);

		var refresh = api.post("/api/auth/refresh", Map.of("refreshToken", session.refreshToken()));
		assertThat(refresh.status()).isEqualTo(401);
		assertThat(refresh.code()).isEqualTo("auth.invalid_refresh_token");
		var me = api.get("/api/me", session.accessToken());
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.code()).isEqualTo("auth.invalid_token");
	}

	@Test
	void unknownRefreshTokenIsRefused() {
		var refresh = api.post("/api/auth/refresh", Map.of("refreshToken", "not-a-token-we-issued"));
		assertThat(refresh.status()).isEqualTo(401);
		assertThat(refresh.code()).isEqualTo("auth.invalid_refresh_token");
	}

	@Test
	void wrongPasswordAndUnknownUserLookTheSame() {
		Session session = api.registerParent("Enumerated");
		String username = api.get("/api/me", session.accessToken()).text("username");
		var wrongPassword = api.post("/api/auth/login", Map.of("username", username, "password", "not the password"));
		var unknownUser = api.post("/api/auth/login",
				Map.of("username", "nobody-" + username, "password", "not the password"));

		assertThat(wrongPassword.status()).isEqualTo(401).isEqualTo(unknownUser.status());
		assertThat(wrongPassword.code()).isEqualTo("auth.invalid_credentials");
		assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
	}

	@Test
	void guestsCannotSignInWithPasswords() {
		var login = api.post("/api/auth/login", Map.of("username", "", "password", "x"));
		assertThat(login.status()).isEqualTo(400);
		assertThat(login.code()).isEqualTo("validation.failed");
	}

}
