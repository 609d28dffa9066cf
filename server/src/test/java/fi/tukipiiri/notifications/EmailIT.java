package fi.tukipiiri.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.platform.CapturedMail;
import fi.tukipiiri.series.LifecycleTicks;
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.ClockedSeries;
import fi.tukipiiri.support.ClockedSeries.Person;
import fi.tukipiiri.support.ClockedSeries.Planned;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SharedTestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * E-mail end to end over real SMTP: the embedded GreenMail server the service starts
 * without a configured one receives every message, read here as a mail program would.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = "tukipiiri.series.lifecycle-tick=1h")
class EmailIT {

	private static final SharedTestClock CLOCK = SharedTestClock.INSTANCE;

	@Autowired
	ApiClient api;

	@Autowired
	ClockedSeries series;

	@Autowired
	CapturedMail mail;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationContext node;

	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void aVerifiedAddressGetsRemindersWithTheMeetingAndAMovedMeetingUpdatesTheSameCalendarEntry() throws Exception {
		Person facilitator = series.person(api.staffMember("Sähköpostiohjaaja", "FACILITATOR"));
		Session parentSession = api.registerParent("Muistutettava");
		Person parent = series.person(parentSession);
		String address = verifiedAddress(parentSession);

		assertThat(api.put("/api/me/reach",
				Map.of("language", "fi", "fullTexts", false, "remindHourBefore", true, "emailCategories",
						List.of("REMINDERS", "SCHEDULE", "ENROLMENT", "SERIES"), "pushCategories", List.of()),
				parentSession.accessToken())
			.status()).isEqualTo(200);
		Planned planned = series.plan("Sähköpostiryhmä", facilitator);
		series.enrol(planned, parent);
		MimeMessage enrolled = awaitMail(address, "Tukipiiri: ilmoittautumisesi on vahvistettu");
		assertThat(plainText(enrolled)).contains("#/series/" + planned.id()).doesNotContain(planned.title());
		assertThat(calendarParts(enrolled)).isEmpty();

		// a day before the first meeting
		CLOCK.set(planned.startsAt(0).minus(Duration.ofHours(23)));
		LifecycleTicks.tick(node);
		// the same tick confirmed the group: both notices leave as one message
		MimeMessage reminder = awaitMail(address, "Tukipiiri: 2 uutta ilmoitusta");
		assertThat(plainText(reminder)).contains("Sinulla on tapaaminen huomenna klo 18.00.",
				"Ryhmä, johon ilmoittauduit, varmistui.");
		assertThat(plainText(reminder)).doesNotContain(planned.title());
		assertThat(reminder.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		assertThat(reminder.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(reminder.getHeader("List-Unsubscribe", null)).startsWith("<http").contains("/api/reach/unsubscribe");
		List<Part> reminderEntries = calendarParts(reminder);
		assertThat(reminderEntries).hasSize(1);
		assertThat(reminderEntries.get(0).getContentType()).contains("text/calendar").contains("method=REQUEST");
		String entry = unfolded(reminderEntries.get(0));
		assertThat(entry).contains("METHOD:REQUEST", "UID:" + planned.sessionId(0) + "@tukipiiri", "SEQUENCE:0",
				"SUMMARY:Tukipiiri: tapaaminen", "ATTENDEE;CN=" + address + ":mailto:" + address);
		assertThat(entry).doesNotContain(planned.title());
		List<String> attachmentsSeen = new ArrayList<>();
		api.get("/api/admin/captured-mail", series.adminToken())
			.body()
			.forEach(message -> message.path("attachments").forEach(a -> attachmentsSeen.add(a.asString())));
		assertThat(attachmentsSeen).as("administrators see the calendar entries in the captured mail")
			.anyMatch(a -> a.startsWith("tapaaminen.ics (text/calendar") && a.contains("method=REQUEST"));

		// and, as asked, an hour before
		CLOCK.set(planned.startsAt(0).minus(Duration.ofMinutes(50)));
		LifecycleTicks.tick(node);
		MimeMessage soon = awaitMail(address, "Tukipiiri: tapaaminen alkaa tänään klo 18.00");
		assertThat(unfolded(calendarParts(soon).get(0))).contains("UID:" + planned.sessionId(0) + "@tukipiiri");

		// the second meeting moves: the same entry, a higher sequence
		CLOCK.reset();
		String moved = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Helsinki")).plusWeeks(20).toString();
		assertThat(api
			.put("/api/series/" + planned.id() + "/sessions/" + planned.sessionId(1), Map.of("date", moved),
					series.adminToken())
			.status()).isEqualTo(200);
		MimeMessage movedMail = awaitMail(address, "Tukipiiri: tapaamisen aika muuttui");
		String movedEntry = unfolded(calendarParts(movedMail).get(0));
		assertThat(movedEntry).contains("METHOD:REQUEST", "UID:" + planned.sessionId(1) + "@tukipiiri", "SEQUENCE:1",
				"DTSTART:" + moved.replace("-", ""));

		// a cancelled meeting leaves the calendar
		api.delete("/api/series/" + planned.id() + "/sessions/" + planned.sessionId(2), series.adminToken());
		MimeMessage cancelled = awaitMail(address, "Tukipiiri: tapaaminen on peruttu");
		assertThat(calendarParts(cancelled).get(0).getContentType()).contains("method=CANCEL");
		assertThat(unfolded(calendarParts(cancelled).get(0))).contains("METHOD:CANCEL", "STATUS:CANCELLED",
				"UID:" + planned.sessionId(2) + "@tukipiiri", "SEQUENCE:1");
	}

	@Test
	void oneClickUnsubscribeStopsThatKindOfMailAndTheSettingsShowIt() throws Exception {
		Person facilitator = series.person(api.staffMember("Kalenteriohjaaja", "FACILITATOR"));
		Session parentSession = api.registerParent("Peruuttaja");
		String address = verifiedAddress(parentSession);
		Planned planned = series.plan("Peruutusryhmä", facilitator);
		series.enrol(planned, series.person(parentSession));
		MimeMessage enrolled = awaitMail(address, "Tukipiiri: ilmoittautumisesi on vahvistettu");
		String unsubscribe = enrolled.getHeader("List-Unsubscribe", null).replaceAll("^<|>$", "");
		assertThat(plainText(enrolled))
			.as("the same link at the foot of the message, for mail programs without the header")
			.contains("Lopeta nämä sähköpostit: " + unsubscribe);
		assertThat(unsubscribe).startsWith("http://localhost:8080/api/reach/unsubscribe?key=");
		// the links name the configured public address; this node listens on a port of
		// its own
		unsubscribe = unsubscribe.replace("http://localhost:8080", api.baseUrl());

		// RFC 8058: a POST of List-Unsubscribe=One-Click to the header's URL, without
		// signing in
		HttpResponse<String> oneClick = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(unsubscribe))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(oneClick.statusCode()).isEqualTo(204);
		var settings = api.get("/api/me/reach", parentSession.accessToken()).body();
		List<String> categories = new ArrayList<>();
		settings.path("emailCategories").forEach(c -> categories.add(c.asString()));
		assertThat(categories).doesNotContain("ENROLMENT").contains("REMINDERS", "SCHEDULE");

		// a person clicking the link is asked first: the GET changes nothing and leads to
		// the page
		HttpResponse<String> click = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(unsubscribe)).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(click.statusCode()).isEqualTo(303);
		assertThat(click.headers().firstValue("Location").orElseThrow()).contains("#/unsubscribe?key=");

		var unknown = api.post("/api/reach/unsubscribe?key=nope&categories=SCHEDULE", Map.of());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("reach.unsubscribe_unknown");
		var badCategory = api.post("/api/reach/unsubscribe?key=nope&categories=EVERYTHING", Map.of());
		assertThat(badCategory.code()).isEqualTo("validation.failed");
	}

	@Test
	void addressesAreCheckedAndLinksWorkOnce() throws Exception {
		Session parent = api.registerParent("Osoitteenlisääjä");
		for (String bad : List.of("", "ei-osoite", "a@b", "Nimi <a@example.test>", "a@@example.test", "a@[127.0.0.1]",
				"x".repeat(250) + "@example.test")) {
			var refused = api.post("/api/me/email", Map.of("email", bad), parent.accessToken());
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.code()).as(bad).isEqualTo("validation.failed");
		}
		Session guest = api.guest("Vieras");
		assertThat(api.post("/api/me/email", Map.of("email", "vieras@example.test"), guest.accessToken()).code())
			.isEqualTo("reach.guest_no_email");

		String address = "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		assertThat(api.post("/api/me/email", Map.of("email", address), parent.accessToken()).status()).isEqualTo(202);
		String token = tokenIn(awaitMail(address, "Tukipiiri: vahvista sähköpostiosoitteesi"));
		assertThat(api.post("/api/reach/verify", Map.of("token", token)).status()).isEqualTo(204);
		var again = api.post("/api/reach/verify", Map.of("token", token));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.code()).isEqualTo("reach.link_invalid");
		assertThat(api.post("/api/reach/verify", Map.of("token", "x".repeat(43))).code())
			.isEqualTo("reach.link_invalid");
		assertThat(api.get("/api/me/reach", parent.accessToken()).body().path("emailVerified").asBoolean()).isTrue();
		assertThat(api.get("/api/me/export", parent.accessToken()).body().path("reach").path("email").asString())
			.as("one's address is in one's export")
			.isEqualTo(address);

		// another account may ask for the same address, but its owner's link tells it is
		// taken
		Session other = api.registerParent("Toinen osoitteenlisääjä");
		assertThat(api.post("/api/me/email", Map.of("email", address.toUpperCase()), other.accessToken()).status())
			.isEqualTo(202);
		String otherToken = tokenIn(awaitMail(address.toUpperCase(), "Tukipiiri: vahvista sähköpostiosoitteesi"));
		assertThat(api.post("/api/reach/verify", Map.of("token", otherToken)).code()).isEqualTo("reach.email_taken");

		for (int i = 0; i < 4; i++) {
			api.post("/api/me/email", Map.of("email", "k" + i + address), other.accessToken());
		}
		var tooMany = api.post("/api/me/email", Map.of("email", "z" + address), other.accessToken());
		assertThat(tooMany.status()).isEqualTo(429);
		assertThat(tooMany.code()).isEqualTo("reach.too_many_links");

		assertThat(api.delete("/api/me/email", parent.accessToken()).status()).isEqualTo(204);
		var removed = api.get("/api/me/reach", parent.accessToken()).body();
		assertThat(removed.path("email").isNull()).isTrue();
		assertThat(removed.path("emailVerified").asBoolean()).isFalse();

		assertThat(api.get("/api/admin/captured-mail", parent.accessToken()).status()).isEqualTo(403);
		var captured = api.get("/api/admin/captured-mail", series.adminToken());
		assertThat(captured.status()).isEqualTo(200);
		assertThat(captured.body().get(0).path("subject").asString()).isNotBlank();
	}

	@Test
	void aForgottenPasswordIsResetByALinkThatWorksOnceAndEndsEverySignInAndConnection() throws Exception {
		Session parentSession = api.registerParent("Unohtaja");
		Person parent = series.person(parentSession);
		String address = verifiedAddress(parentSession);
		var unknown = api.post("/api/reach/password-reset", Map.of("email", "nobody-" + address));
		var known = api.post("/api/reach/password-reset", Map.of("email", address.toUpperCase()));
		assertThat(known.status()).as("the same answer whether or not the address is known").isEqualTo(202);
		assertThat(unknown.status()).isEqualTo(202);
		assertThat(unknown.raw().body()).isEqualTo(known.raw().body());
		assertThat(api.post("/api/reach/password-reset", Map.of("email", "ei osoite")).code())
			.isEqualTo("validation.failed");

		MimeMessage resetMail = awaitMail(address, "Tukipiiri: uusi salasana");
		String body = plainText(resetMail);
		assertThat(body).contains(parent.username());
		Matcher link = Pattern.compile("#/reset-password\\?token=([A-Za-z0-9_-]+)").matcher(body);
		assertThat(link.find()).isTrue();
		String token = link.group(1);

		try (var live = fi.tukipiiri.support.StompTestClient.connect(api.baseUrl(), parentSession.accessToken())) {
			var tooShort = api.post("/api/reach/password-reset/confirm",
					Map.of("token", token, "newPassword", "short"));
			assertThat(tooShort.code()).isEqualTo("validation.failed");
			assertThat(api
				.post("/api/reach/password-reset/confirm",
						Map.of("token", token, "newPassword", "a much better secret"))
				.status()).as("a refused password leaves the link usable").isEqualTo(204);
			live.awaitEndedWith("auth.session_ended");
		}
		assertThat(api.post("/api/auth/refresh", Map.of("refreshToken", parentSession.refreshToken())).code())
			.isEqualTo("auth.invalid_refresh_token");
		assertThat(
				api.post("/api/auth/login", Map.of("username", parent.username(), "password", ClockedSeries.PASSWORD))
					.code())
			.isEqualTo("auth.invalid_credentials");
		assertThat(api.login(parent.username(), "a much better secret").accessToken()).isNotBlank();
		assertThat(api
			.post("/api/reach/password-reset/confirm", Map.of("token", token, "newPassword", "yet another secret"))
			.code()).isEqualTo("reach.link_invalid");

		// at most three links an hour reach one inbox, whoever asks
		for (int i = 0; i < 4; i++) {
			api.post("/api/reach/password-reset", Map.of("email", address));
		}
		await().pollDelay(Duration.ofSeconds(1)).atMost(15, TimeUnit.SECONDS).until(() -> {
			CLOCK.advance(Duration.ofSeconds(1));
			return count(address, "Tukipiiri: uusi salasana") >= 3;
		});
		Thread.sleep(500);
		assertThat(count(address, "Tukipiiri: uusi salasana")).isEqualTo(3);
	}

	private long count(String to, String subject) throws MessagingException {
		long n = 0;
		for (MimeMessage message : mail.messages()) {
			if (message.getAllRecipients() != null && message.getAllRecipients()[0].toString().equals(to)
					&& subject.equals(message.getSubject())) {
				n++;
			}
		}
		return n;
	}

	@Test
	void settingsAreValidated() {
		Session parent = api.registerParent("Asetukset");
		Map<String, Object> valid = new java.util.HashMap<>(Map.of("language", "en", "fullTexts", true,
				"remindHourBefore", true, "quietFrom", "22:00", "quietUntil", "07:30", "emailCategories",
				List.of("REMINDERS"), "pushCategories", List.of("REMINDERS", "SAFETY")));
		var saved = api.put("/api/me/reach", valid, parent.accessToken());
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body().path("quietFrom").asString()).isEqualTo("22:00");
		assertThat(saved.body().path("language").asString()).isEqualTo("en");

		for (var bad : List.of(Map.of("language", "xx"), Map.of("quietUntil", "25:00"), Map.of("quietUntil", "22:00"),
				Map.of("emailCategories", List.of("ALL")), Map.of("remindHourBefore", "yes"))) {
			Map<String, Object> body = new java.util.HashMap<>(valid);
			body.putAll(bad);
			var refused = api.put("/api/me/reach", body, parent.accessToken());
			assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
			assertThat(refused.code()).as(bad.toString()).isIn("validation.failed", "request.malformed");
		}
		Map<String, Object> half = new java.util.HashMap<>(valid);
		half.remove("quietUntil");
		assertThat(api.put("/api/me/reach", half, parent.accessToken()).code()).isEqualTo("validation.failed");
		assertThat(api.put("/api/me/reach/language", Map.of("language", "sv-XX"), parent.accessToken()).code())
			.isEqualTo("validation.failed");
		assertThat(api.put("/api/me/reach/language", Map.of("language", "fi"), parent.accessToken()).status())
			.isEqualTo(204);
		assertThat(api.get("/api/me/reach", null).status()).isEqualTo(401);
	}

	/** Adds a fresh address to the account and opens the link sent to it. */
	private String verifiedAddress(Session person) throws Exception {
		String address = "p" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
		assertThat(api.post("/api/me/email", Map.of("email", address), person.accessToken()).status()).isEqualTo(202);
		String token = tokenIn(awaitMail(address, "Tukipiiri: vahvista sähköpostiosoitteesi"));
		assertThat(api.post("/api/reach/verify", Map.of("token", token)).status()).isEqualTo(204);
		return address;
	}

	private String tokenIn(MimeMessage message) throws Exception {
		Matcher link = Pattern.compile("#/verify-email\\?token=([A-Za-z0-9_-]+)").matcher(plainText(message));
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	private MimeMessage awaitMail(String to, String subject) {
		List<MimeMessage> found = new ArrayList<>();
		try {
			await().atMost(15, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250)).until(() -> {
				// the node runs on the test's clock, which stands still unless moved: a
				// notice
				// gathers others for tukipiiri.reach.gather before it leaves
				CLOCK.advance(Duration.ofSeconds(1));
				found.clear();
				for (MimeMessage message : mail.messages()) {
					if (message.getAllRecipients() != null && message.getAllRecipients()[0].toString().equals(to)
							&& subject.equals(message.getSubject())) {
						found.add(message);
					}
				}
				return !found.isEmpty();
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// what waits and what was noticed, when the expected message did not arrive
			throw new AssertionError("No " + subject + " to " + to + "; outbox "
					+ jdbc.sql("select channel, due_at, attempts, sent_at, dropped_at, last_error from notice_outbox")
						.query()
						.listOfRows()
					+ "; latest notices "
					+ jdbc.sql("select kind from notifications order by created_at desc limit 5").query().listOfRows(),
					ex);
		}
		assertThat(found).as("one message " + subject + " to " + to).hasSize(1);
		return found.get(0);
	}

	static String plainText(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = plainText(multipart.getBodyPart(i));
				if (!text.isEmpty()) {
					return text;
				}
			}
		}
		return "";
	}

	static List<Part> calendarParts(Part part) throws MessagingException, IOException {
		List<Part> found = new ArrayList<>();
		if (part.isMimeType("text/calendar")) {
			found.add(part);
		}
		else if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				found.addAll(calendarParts(child));
			}
		}
		return found;
	}

	static String unfolded(Part calendar) throws MessagingException, IOException {
		byte[] bytes = calendar.getInputStream().readAllBytes();
		return new String(bytes, StandardCharsets.UTF_8).replace("\r\n ", "");
	}

}
