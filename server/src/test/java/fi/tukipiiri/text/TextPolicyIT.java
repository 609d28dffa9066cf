package fi.tukipiiri.text;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

/**
 * The text policy end to end, against the real PostgreSQL and Redis: what is stored, what
 * is refused with which code, that nothing a client sends turns into a 500, that names
 * cannot pass for staff, and that hidden risk words flag.
 */
@IntegrationTest
class TextPolicyIT {

	private static final String INVISIBLE_ONLY = "\u200B\u200D\u2060\u00AD\uFEFF\uFE0F\u034F\u3164\u115F\u1160\u2800\u202E";

	private static final String ZALGO = "Z\u0301\u0302\u0303\u0304\u0305a\u0306\u0307\u0308\u0309\u030A\u030Blgo";

	private static final String GRINNING = "\uD83D\uDE00";

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void limitsArePublishedForClientsWithoutSigningIn() {
		Response limits = api.get("/api/limits", null);
		assertThat(limits.status()).isEqualTo(200);
		JsonNode fields = limits.body().path("fields");
		assertThat(fields.path("message").path("kind").asString()).isEqualTo("MULTI_LINE");
		assertThat(fields.path("message").path("min").asInt()).isEqualTo(1);
		assertThat(fields.path("message").path("max").asInt()).isEqualTo(4000);
		assertThat(fields.path("displayName").path("kind").asString()).isEqualTo("NAME");
		assertThat(fields.path("displayName").path("min").asInt()).isEqualTo(2);
		assertThat(fields.path("displayName").path("max").asInt()).isEqualTo(40);
		assertThat(fields.path("nickname").path("max").asInt()).isEqualTo(40);
		assertThat(fields.path("password").path("maxBytes").asInt()).isEqualTo(72);
		assertThat(fields.path("message").has("maxBytes")).as("present, null: only the password has a byte limit")
			.isTrue();
		assertThat(fields.path("message").path("maxBytes").isNull()).isTrue();
		assertThat(fields.path("roomTitle").path("max").asInt()).isEqualTo(120);
		assertThat(fields.path("pin").path("kind").asString()).isEqualTo("SINGLE_LINE");
		assertThat(fields.path("templateDescription").path("kind").asString()).isEqualTo("MULTI_LINE");
		for (String field : List.of("username", "reason", "reportNote", "handlingNote", "helped", "better", "freeText",
				"seriesTitle", "audienceNote", "sessionTheme", "templateTitle", "roomTheme")) {
			assertThat(fields.has(field)).as(field).isTrue();
		}
		assertThat(limits.body().path("maxMarksPerCharacter").asInt()).isEqualTo(TextPolicy.MAX_MARKS_PER_CHARACTER);
		assertThat(limits.body().path("counts").path("historyPage").asInt()).isEqualTo(200);
	}

	@Test
	void aNameTypedDecomposedIsStoredComposedAndFoundByTheUsualTyping() {
		String tag = tag();
		String composed = "Zoë Ekström " + tag;
		Session zoe = api.registerParent(nfd(composed));
		assertThat(api.displayName(zoe)).isEqualTo(composed);
		assertThat(storedName(zoe)).isEqualTo(composed);

		Session admin = api.login("root-admin", "test-admin-password");
		for (String typed : List.of("zoë ekström " + tag, nfd("Zoë Ekström " + tag),
				"Zoë\u00A0 Ekström\u200B " + tag)) {
			Response found = api.get("/api/admin/users?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8),
					admin.accessToken());
			assertThat(found.status()).as(typed).isEqualTo(200);
			assertThat(found.body().size()).as(typed).isEqualTo(1);
			assertThat(found.body().get(0).path("id").asString()).isEqualTo(zoe.id().toString());
		}
	}

	@Test
	void namesOfEveryLanguageAreStoredAsNfc() {
		for (String name : List.of("Áŋŋe", "Čeavčča Đuoddar", "Ŧuomas Žanna", "Nguyễn Thị Ánh", "Мария")) {
			Session guest = api.guest(nfd(name));
			assertThat(api.displayName(guest)).isEqualTo(name);
			assertThat(storedName(guest)).isEqualTo(name);
		}
		assertThat(api.displayName(api.guest("  Äiti\u00A0\u2003 Anna\t"))).isEqualTo("Äiti Anna");
		assertThat(api.displayName(api.guest("An\u200Bna\u00AD Ka\u2060isa"))).isEqualTo("Anna Kaisa");
	}

	@Test
	void namesOfNothingVisibleStacksOfMarksAndMixedScriptsAreRefused() {
		assertFieldError(api.post("/api/auth/guest", Map.of("nickname", INVISIBLE_ONLY)), "nickname", "not_blank");
		assertFieldError(api.post("/api/auth/guest", Map.of("nickname", "A" + INVISIBLE_ONLY)), "nickname", "size");
		assertFieldError(api.post("/api/auth/guest", Map.of("nickname", ZALGO)), "nickname", "combining_marks");
		assertFieldError(api.post("/api/auth/guest", Map.of("nickname", "Ohjaaja M\u0430ria")), "nickname",
				"mixed_script");
		assertFieldError(api.post("/api/auth/guest", Map.of("nickname", "Anna <3")), "nickname", "pattern");
		assertFieldError(register("u" + tag(), "correct horse battery", INVISIBLE_ONLY), "displayName", "not_blank");
		assertFieldError(register("u" + tag(), "correct horse battery", ZALGO), "displayName", "combining_marks");
		assertFieldError(register("u" + tag(), "correct horse battery", "P\u0430ula"), "displayName", "mixed_script");
		assertThat(api.post("/api/auth/guest", Map.of("nickname", "x".repeat(40) + "\u200B".repeat(20))).status())
			.as("invisible characters do not count towards the 40")
			.isEqualTo(201);
	}

	@Test
	void everyErrorOfARegistrationIsNamedInOneAnswer() {
		Response response = register("ä", "lyhyt\u0009", " \u200B ");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("validation.failed");
		assertThat(response.body().path("errors").toString()).contains("{\"field\":\"username\",\"code\":\"size\"")
			.contains("{\"field\":\"username\",\"code\":\"pattern\"")
			.contains("{\"field\":\"password\",\"code\":\"control_character\"")
			.contains("{\"field\":\"displayName\",\"code\":\"not_blank\"");
		assertFieldError(register("u" + tag(), "x".repeat(73), "Pitkä Salasana"), "password", "too_many_bytes");
		assertThat(register("u" + tag(), "ääää ääää ääää ääää", "Tavallinen Tiina").status()).isEqualTo(201);
	}

	@Test
	void aNulOrOtherControlCharacterIsA400AndNeverA500() {
		assertFieldError(api.post("/api/auth/login", Map.of("username", "anna\u0000", "password", "whatever")),
				"username", "control_character");
		assertFieldError(api.post("/api/auth/login", Map.of("username", "anna", "password", "what\u0000ever")),
				"password", "control_character");
		assertFieldError(register("u" + tag(), "correct horse battery", "Anna\u0000"), "displayName",
				"control_character");
		assertFieldError(register("u" + tag(), "correct\u0000horse battery", "Anna"), "password", "control_character");
		assertFieldError(api.post("/api/auth/guest", Map.of("nickname", "Anna\u001B[31m")), "nickname",
				"control_character");
		assertFieldError(api.post("/api/auth/refresh", Map.of("refreshToken", "\u0000")), "refreshToken",
				"control_character");
		assertFieldError(api.postRaw("/api/auth/guest", "{\"nickname\": \"Anna\\ud800\"}", null), "nickname",
				"invalid_character");

		Session admin = api.login("root-admin", "test-admin-password");
		assertFieldError(api.post("/api/rooms", Map.of("title", "Huone\u0000", "kind", "OPEN"), admin.accessToken()),
				"title", "control_character");
		assertFieldError(api.get("/api/admin/users?q=%00", admin.accessToken()), "q", "control_character");
		Session parent = api.registerParent("Nollamerkki " + tag());
		assertFieldError(api.post("/api/series/invitations/redeem", Map.of("code", "ABCD\u0000"), parent.accessToken()),
				"code", "control_character");

		UUID room = api.createRoom("Nollat " + tag(), "OPEN");
		api.post("/api/rooms/" + room + "/join", Map.of(), parent.accessToken());
		try (var client = StompTestClient.connect(api.baseUrl(), parent.accessToken())) {
			var errors = client.subscribe("/user/queue/errors");
			client.sendMessage(room, "nul", "Hei\u0000kaikki");
			JsonNode refused = next(errors, "NUL in a message");
			assertThat(refused.path("code").asString()).isEqualTo("message.invalid_text");
			assertThat(refused.path("clientId").asString()).isEqualTo("nul");
			client.sendMessage(room, "bell", "Hei\u0007");
			assertThat(next(errors, "a bell").path("code").asString()).isEqualTo("message.invalid_text");
		}
		assertThat(messages(room)).isZero();
	}

	@Test
	void messagesAreFoldedCountedInCodePointsAndRefusedWithTheirCodes() {
		Session parent = api.registerParent("Kirjoittaja " + tag());
		UUID room = api.createRoom("Pitkät viestit " + tag(), "OPEN");
		api.post("/api/rooms/" + room + "/join", Map.of(), parent.accessToken());
		try (var client = StompTestClient.connect(api.baseUrl(), parent.accessToken())) {
			var errors = client.subscribe("/user/queue/errors");
			var acks = client.subscribe("/user/queue/acks");

			client.sendMessage(room, "emoji", GRINNING.repeat(2500));
			assertThat(next(acks, "2,500 emoji").path("clientId").asString()).isEqualTo("emoji");
			client.sendMessage(room, "emoji", GRINNING.repeat(2500));
			assertThat(next(acks, "the same again").path("seq").asLong()).as("a repeated client id stores nothing new")
				.isEqualTo(1);
			client.sendMessage(room, "decomposed", "a\u0308".repeat(4000));
			assertThat(next(acks, "4,000 letters typed decomposed").path("seq").asLong()).isEqualTo(2);
			client.sendMessage(room, "override", "Soita\u202E 4321\u202C\r\nhuomenna");
			next(acks, "override stripped");

			client.sendMessage(room, "too-long", GRINNING.repeat(4001));
			assertThat(next(errors, "4,001 emoji").path("code").asString()).isEqualTo("message.too_long");
			client.sendMessage(room, "too-long-nfc", "ä".repeat(4001));
			assertThat(next(errors, "4,001 letters").path("code").asString()).isEqualTo("message.too_long");
			client.sendMessage(room, "invisible", INVISIBLE_ONLY + " \n\t");
			assertThat(next(errors, "only invisible characters").path("code").asString()).isEqualTo("message.empty");
			client.sendMessage(room, "zalgo", "Hei " + ZALGO);
			assertThat(next(errors, "zalgo").path("code").asString()).isEqualTo("message.invalid_text");
		}
		assertThat(body(room, 1)).isEqualTo(GRINNING.repeat(2500));
		assertThat(body(room, 2)).isEqualTo("ä".repeat(4000));
		assertThat(body(room, 3)).isEqualTo("Soita 4321\nhuomenna");
		assertThat(messages(room)).isEqualTo(3);
	}

	@Test
	void titlesNotesAndReasonsFollowThePolicyToo() {
		Session admin = api.login("root-admin", "test-admin-password");
		Response created = api.post("/api/rooms",
				Map.of("title", "  Eron\u2028jälkeen\u200B  arki ", "theme", INVISIBLE_ONLY, "kind", "OPEN"),
				admin.accessToken());
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("title")).isEqualTo("Eron jälkeen arki");
		assertThat(created.text("theme")).isEmpty();
		assertFieldError(api.post("/api/rooms", Map.of("title", INVISIBLE_ONLY, "kind", "OPEN"), admin.accessToken()),
				"title", "not_blank");
		Response both = api.post("/api/rooms", Map.of("title", "x".repeat(121), "theme", ZALGO, "kind", "OPEN"),
				admin.accessToken());
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.body().path("errors").toString()).contains("{\"field\":\"title\",\"code\":\"size\"")
			.contains("{\"field\":\"theme\",\"code\":\"combining_marks\"");
		assertThat(api.post("/api/rooms", Map.of("title", GRINNING.repeat(120), "kind", "OPEN"), admin.accessToken())
			.status()).as("120 emoji are 120 characters").isEqualTo(201);

		UUID room = UUID.fromString(created.text("id"));
		Session facilitator = api.staffMember("Ohjaaja Teksti", "FACILITATOR");
		Session parent = api.registerParent("Raportoija " + tag());
		api.addMember(room, facilitator.id(), "FACILITATOR");
		api.post("/api/rooms/" + room + "/join", Map.of(), parent.accessToken());
		String base = "/api/moderation/rooms/" + room;
		assertFieldError(api.post(base + "/reports",
				Map.of("accountId", facilitator.id(), "reason", "OTHER", "note", ZALGO), parent.accessToken()), "note",
				"combining_marks");
		assertThat(api.put(base + "/pin", Map.of("text", INVISIBLE_ONLY), facilitator.accessToken()).code())
			.isEqualTo("moderation.invalid_pin");
		assertThat(api.put(base + "/pin", Map.of("text", "Muistakaa\n\ttauko\u200B klo 19"), facilitator.accessToken())
			.status()).isEqualTo(200);
		assertThat(api.get(base, parent.accessToken()).body().path("pinned").path("text").asString())
			.isEqualTo("Muistakaa tauko klo 19");
		try (var client = StompTestClient.connect(api.baseUrl(), facilitator.accessToken())) {
			var errors = client.subscribe("/user/queue/errors");
			Map<String, Object> command = new HashMap<>();
			command.put("clientId", "pin-zalgo");
			command.put("action", "PIN");
			command.put("text", ZALGO);
			client.send(base.replace("/api/moderation", "/app") + "/moderation", command);
			assertThat(next(errors, "a zalgo pin").path("code").asString()).isEqualTo("validation.failed");
			command.put("clientId", "mute-nul");
			command.put("action", "MUTE");
			command.put("accountId", parent.id().toString());
			command.put("reason", "Syy\u0000");
			client.send(base.replace("/api/moderation", "/app") + "/moderation", command);
			assertThat(next(errors, "a NUL in a reason").path("code").asString()).isEqualTo("validation.failed");
		}
	}

	@Test
	void aParentCannotTakeANameThatCouldPassForAStaffMembers() {
		String digits = String.valueOf(100_000 + (int) (Math.random() * 900_000));
		String staffName = "Ohjaaja Seppo " + digits;
		Session staff = api.registerParent(staffName);
		Session admin = api.login("root-admin", "test-admin-password");
		assertThat(api
			.put("/api/admin/users/" + staff.id() + "/roles", Map.of("roles", List.of("FACILITATOR")),
					admin.accessToken())
			.status()).isEqualTo(200);

		String allCyrillic = "\u041E\u04BB\u0458\u0430\u0430\u0458\u0430 \u0405\u0435\u0440\u0440\u043E " + digits;
		for (String lookAlike : List.of("ohjaaja seppo " + digits, "OHJAAJA  SEPPO " + digits,
				"Ohjaaja\u200B Seppo " + digits, "Ohjaaja Sep\u00ADpo " + digits, "0hjaaja Seppo " + digits,
				"Ohjaaja-Seppo " + digits, nfd(staffName), allCyrillic,
				staffName.chars()
					.mapToObj(c -> c == ' ' ? "\u3000" : Character.toString(c - 0x21 + 0xFF01))
					.reduce("", String::concat),
				"Ohjaaja \uFF33\uFF45\uFF50\uFF50\uFF4F " + digits)) {
			assertFieldError(api.post("/api/auth/guest", Map.of("nickname", lookAlike)), "nickname", "impersonation");
			assertFieldError(register("u" + tag(), "correct horse battery", lookAlike), "displayName", "impersonation");
		}
		assertFieldError(api.post("/api/auth/guest", Map.of("nickname", "Ohjaaja S\u0435ppo " + digits)), "nickname",
				"mixed_script");
		assertThat(api.post("/api/auth/guest", Map.of("nickname", "Ohjaaja Seppo " + digits + "1")).status())
			.isEqualTo(201);

		String parentName = "Tavallinen Tiina " + digits;
		api.registerParent(parentName);
		assertThat(api.displayName(api.guest(parentName))).as("only staff names are protected").isEqualTo(parentName);

		assertThat(api
			.put("/api/admin/users/" + staff.id() + "/roles", Map.of("roles", List.of("PARENT")), admin.accessToken())
			.status()).isEqualTo(200);
		assertThat(api.displayName(api.guest("ohjaaja seppo " + digits))).as("no longer staff")
			.isEqualTo("ohjaaja seppo " + digits);
	}

	@Test
	void riskWordsHiddenWithInvisibleCharactersOrLookAlikesStillFlag() {
		UUID room = api.createRoom("Piilotetut sanat " + tag(), "OPEN");
		Session facilitator = api.staffMember("Ohjaaja Riski", "FACILITATOR");
		Session writer = api.registerParent("Kirjoittaja " + tag());
		api.addMember(room, facilitator.id(), "FACILITATOR");
		api.post("/api/rooms/" + room + "/join", Map.of(), writer.accessToken());
		Map<String, String> expected = Map.of("Joskus mietin itse\u200Bmurhaa illalla", "self-harm",
				"Han sl\u00ADog mig igår", "violence", "He said he will k\u0456ll y\u200Dou", "threat",
				"Minä haluan\u00A0K\u2060U\u2060O\u2060L\u2060L\u2060A", "self-harm", "Ｈｅ ｈｉｔ ｍｅ again", "violence");
		try (var client = StompTestClient.connect(api.baseUrl(), writer.accessToken())) {
			var acks = client.subscribe("/user/queue/acks");
			int i = 0;
			for (String body : expected.keySet()) {
				client.sendMessage(room, "risk-" + i++, body);
				next(acks, body);
			}
			client.sendMessage(room, "calm", "Lapset nukku\u200Bvat jo, hyvää yötä kaikille");
			next(acks, "an ordinary message");
		}
		Awaitility.await()
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> api.get("/api/moderation/rooms/" + room + "/risk-flags", facilitator.accessToken())
				.body()
				.size() == expected.size());
		JsonNode flags = api.get("/api/moderation/rooms/" + room + "/risk-flags", facilitator.accessToken()).body();
		Map<String, String> flagged = new HashMap<>();
		for (JsonNode flag : flags) {
			String body = jdbc.sql("select body from messages where id = :id")
				.param("id", UUID.fromString(flag.path("messageId").asString()))
				.query(String.class)
				.single();
			flagged.put(body, flag.path("categories").get(0).asString());
		}
		Map<String, String> stored = new HashMap<>();
		expected.forEach((body, category) -> stored.put(canonical(body), category));
		assertThat(flagged).isEqualTo(stored);
	}

	private Response register(String username, String password, String displayName) {
		return api.post("/api/auth/register",
				Map.of("username", username, "password", password, "displayName", displayName));
	}

	private static void assertFieldError(Response response, String field, String code) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("validation.failed");
		assertThat(response.body().path("errors").get(0).path("field").asString()).as(response.body().toString())
			.isEqualTo(field);
		assertThat(response.body().path("errors").get(0).path("code").asString()).as(response.body().toString())
			.isEqualTo(code);
	}

	private String storedName(Session person) {
		return jdbc.sql("select display_name from accounts where id = :id")
			.param("id", person.id())
			.query(String.class)
			.single();
	}

	private long messages(UUID room) {
		return jdbc.sql("select count(*) from messages where room_id = :room")
			.param("room", room)
			.query(Long.class)
			.single();
	}

	private String body(UUID room, long seq) {
		return jdbc.sql("select body from messages where room_id = :room and seq = :seq")
			.param("room", room)
			.param("seq", seq)
			.query(String.class)
			.single();
	}

	/** The stored form of a message: what the multi-line policy makes of it. */
	private static String canonical(String body) {
		return ((TextCheck.Accepted) TextPolicy.multiLine(body, 1, 4000)).text();
	}

	private static String nfd(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD);
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
