package fi.tukipiiri.series;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CalendarIT {

	@Autowired
	ApiClient api;

	@Test
	void thePublicCalendarShowsSeatsLeftAndNoPersonalData() {
		Session admin = api.login("root-admin", "test-admin-password");
		String seriesId = series(admin, 6);
		Session parent = api.registerParent("Salainen Sanna");
		api.post("/api/series/" + seriesId + "/enrolment", Map.of(), parent.accessToken());

		LocalDate from = LocalDate.now(Recurrence.HELSINKI);
		var calendar = api.get("/api/calendar?from=" + from + "&to=" + from.plusMonths(6), null);
		assertThat(calendar.status()).isEqualTo(200);
		var entry = find(calendar.body(), seriesId);
		assertThat(entry.path("seatsLeft").asInt()).isEqualTo(5);
		assertThat(entry.path("sessions").size()).isEqualTo(9);
		assertThat(calendar.body().toString()).doesNotContain(parent.id().toString())
			.doesNotContain("Salainen Sanna")
			.doesNotContain("accountId");

		assertThat(api.get("/api/calendar?from=" + from + "&to=" + from.plusYears(3), null).code())
			.isEqualTo("calendar.range_invalid");
		assertThat(api.get("/api/calendar?from=" + from + "&to=" + from.minusDays(3), null).code())
			.isEqualTo("calendar.range_invalid");
	}

	@Test
	void theRangeChoosesSeriesByTheirSessionsStartingWithinItsHelsinkiDates() {
		Session admin = api.login("root-admin", "test-admin-password");
		Session facilitator = api.staffMember("Ohjaaja", "FACILITATOR");
		// weekly at 00:30 in Helsinki: by UTC's clock each session starts the evening
		// before
		LocalDate first = LocalDate.now(Recurrence.HELSINKI).plusWeeks(3);
		var plan = SeriesPlans.closedGroup("Yöryhmä", first, 6, 1, facilitator.id());
		plan.put("startTime", "00:30");
		String seriesId = api.post("/api/series", plan, admin.accessToken()).text("id");

		JsonNode sameDay = find(calendar(first, first).body(), seriesId);
		assertThat(sameDay.path("sessions").size()).as("every session of the series, not only those in the range")
			.isEqualTo(9);
		assertThat(sameDay.path("sessions").get(0).path("startsAt").asString())
			.isEqualTo(first.atTime(0, 30).atZone(Recurrence.HELSINKI).toInstant().toString());
		assertThat(sameDay.has("ageMin")).isTrue();
		assertThat(sameDay.path("ageMin").isNull()).as("no age range: null, not left out").isTrue();
		assertThat(contains(calendar(first.minusDays(1), first.minusDays(1)).body(), seriesId))
			.as("the UTC date of the start")
			.isFalse();
		assertThat(contains(calendar(first.plusDays(1), first.plusDays(6)).body(), seriesId)).as("between two sessions")
			.isFalse();
		assertThat(contains(calendar(first.plusDays(1), first.plusDays(7)).body(), seriesId)).as("to is included")
			.isTrue();
		assertThat(contains(calendar(first.plusWeeks(8), first.plusWeeks(8)).body(), seriesId)).as("the last session")
			.isTrue();
		assertThat(contains(calendar(first.plusWeeks(8).plusDays(1), first.plusWeeks(20)).body(), seriesId)).isFalse();
		assertThat(contains(api.get("/api/calendar?from=" + first.plusWeeks(1), null).body(), seriesId))
			.as("to: a year after from")
			.isTrue();

		LocalDate from = LocalDate.now(Recurrence.HELSINKI);
		assertThat(calendar(from, from.plusDays(399)).status()).as("400 days, both ends counted").isEqualTo(200);
		assertThat(calendar(from, from.plusDays(400)).code()).isEqualTo("calendar.range_invalid");
		assertThat(calendar(from, from.minusDays(1)).code()).isEqualTo("calendar.range_invalid");
	}

	@Test
	void aMovedSessionKeepsItsIcsUid() throws Exception {
		Session admin = api.login("root-admin", "test-admin-password");
		String seriesId = series(admin, 6);
		var sessions = api.get("/api/series/" + seriesId, admin.accessToken()).body().path("sessions");
		String sessionId = sessions.get(1).path("id").asString();
		LocalDate newDate = LocalDate.parse(sessions.get(1).path("startsAt").asString().substring(0, 10)).plusDays(2);
		assertThat(api
			.put("/api/series/" + seriesId + "/sessions/" + sessionId,
					Map.of("date", newDate.toString(), "startTime", "17:15"), admin.accessToken())
			.status()).isEqualTo(200);

		Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/calendar/series/" + seriesId + ".ics"))
				.build(), HttpResponse.BodyHandlers.ofByteArray())
			.body()));
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).extracting(event -> event.getUid().orElseThrow().getValue())
			.as("one event per session, UID <session id>@tukipiiri")
			.containsExactlyInAnyOrderElementsOf(texts(sessions, "id").stream().map(id -> id + "@tukipiiri").toList());
		VEvent moved = events.stream()
			.filter(event -> event.getUid().orElseThrow().getValue().equals(sessionId + "@tukipiiri"))
			.findFirst()
			.orElseThrow();
		assertThat(Instant.from(moved.getDateTimeStart().getDate()))
			.isEqualTo(newDate.atTime(17, 15).atZone(Recurrence.HELSINKI).toInstant());
	}

	@Test
	void theIcsFeedParsesAndHasTheRightInstants() throws Exception {
		Session admin = api.login("root-admin", "test-admin-password");
		String seriesId = series(admin, 6);
		var planned = api.get("/api/series/" + seriesId, admin.accessToken()).body();

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/calendar/series/" + seriesId + ".ics"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");

		Calendar calendar = new CalendarBuilder()
			.build(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(9);
		for (int i = 0; i < 9; i++) {
			var session = planned.path("sessions").get(i);
			VEvent event = events.stream()
				.filter(e -> e.getUid().orElseThrow().getValue().startsWith(session.path("id").asString()))
				.findFirst()
				.orElseThrow();
			Instant start = Instant.from(event.getDateTimeStart().getDate());
			Instant end = Instant.from(event.getDateTimeEnd().getDate());
			assertThat(start).isEqualTo(Instant.parse(session.path("startsAt").asString()));
			assertThat(end).isEqualTo(Instant.parse(session.path("endsAt").asString()));
			assertThat(event.getSummary().getValue()).contains(session.path("theme").path("fi").asString());
		}
	}

	@Test
	void longFinnishSamiAndEmojiTextIsFoldedAt75OctetsAndEscaped() throws Exception {
		Session admin = api.login("root-admin", "test-admin-password");
		Session facilitator = api.staffMember("Ohjaaja", "FACILITATOR");
		String title = "Äitien, isien; ja \\ läheisten ilta – Mánáid čoahkkin Ohcejogas, ođđa ŋ đ ž 👨‍👩‍👧‍👦🧡🫶🏽 öisin ääneen";
		var plan = SeriesPlans.closedGroup(title, LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), 6, 1,
				facilitator.id());
		var created = api.post("/api/series", plan, admin.accessToken());
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		String seriesId = created.text("id");
		String theme = "Sámi ja suomi:\nrivinvaihto, pilkku; puolipiste \\ kenoviiva 👩🏽‍🦱 " + "ä".repeat(40);
		var added = api.post("/api/series/" + seriesId + "/sessions",
				Map.of("date", LocalDate.now(Recurrence.HELSINKI).plusWeeks(12).toString(), "themeFi", theme, "themeEn",
						"Sámi and Finnish"),
				admin.accessToken());
		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);

		byte[] ics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/calendar/series/" + seriesId + ".ics"))
				.build(), HttpResponse.BodyHandlers.ofByteArray())
			.body();
		String text = new String(ics, StandardCharsets.UTF_8);
		assertThat(text).endsWith("\r\n");
		for (String line : text.split("\r\n")) {
			byte[] octets = line.getBytes(StandardCharsets.UTF_8);
			assertThat(octets.length).as(line).isLessThanOrEqualTo(75);
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(octets));
		}
		assertThat(text.replace("\r\n", "")).as("no line break inside a value").doesNotContain("\n");
		String unfolded = text.replace("\r\n ", "");
		// a session theme is one line under the text policy: the line break was folded to
		// a space when it was stored
		String storedTheme = theme.replace("\n", " ");
		assertThat(unfolded).contains("SUMMARY:" + escaped(title) + ": ")
			.contains("DESCRIPTION:" + escaped(storedTheme) + " / Sámi and Finnish");

		Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(10);
		assertThat(events).allSatisfy(event -> assertThat(event.getSummary().getValue()).startsWith(title + ": "));
		assertThat(events).anySatisfy(
				event -> assertThat(event.getDescription().getValue()).isEqualTo(storedTheme + " / Sámi and Finnish"));
	}

	private ApiClient.Response calendar(LocalDate from, LocalDate to) {
		return api.get("/api/calendar?from=" + from + "&to=" + to, null);
	}

	private static boolean contains(JsonNode entries, String seriesId) {
		for (var entry : entries) {
			if (entry.path("seriesId").asString().equals(seriesId)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.path(field).asString()));
		return values;
	}

	/** A TEXT value as RFC 5545 §3.3.11 writes it. */
	private static String escaped(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
	}

	private static JsonNode find(JsonNode entries, String seriesId) {
		for (var entry : entries) {
			if (entry.path("seriesId").asString().equals(seriesId)) {
				return entry;
			}
		}
		throw new AssertionError("Series not in the calendar: " + seriesId);
	}

	private String series(Session admin, int capacity) {
		Session facilitator = api.staffMember("Ohjaaja", "FACILITATOR");
		var plan = SeriesPlans.closedGroup("Kalenteriryhmä", LocalDate.now(Recurrence.HELSINKI).plusWeeks(2), capacity,
				1, facilitator.id());
		return api.post("/api/series", plan, admin.accessToken()).text("id");
	}

}
