package fi.tukipiiri.series;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coordinators reword templates and reorder, add and remove their themes. Each test edits
 * a template of its own, so the two seeded programmes other tests plan from stay as they
 * are.
 */
@IntegrationTest
class TemplateEditingIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	Session coordinator;

	String template;

	@BeforeEach
	void templateOfItsOwn() {
		coordinator = api.staffMember("Koordinaattori Kerttu", "COORDINATOR");
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						insert into programme_templates (id, code, kind, default_length_minutes, title_fi, title_en, description_fi, description_en)
						values (:id, :code, 'CLOSED', 60, 'Isien ryhmä', 'Fathers'' group', 'Kolme tapaamista.', 'Three meetings.')
						""")
			.param("id", id)
			.param("code", "isat-" + id.toString().substring(0, 8))
			.update();
		String[][] themes = { { "Tutustuminen", "Getting to know each other" },
				{ "Isänä kahdessa kodissa", "A father in two homes" }, { "Jatko", "What next" } };
		for (int i = 0; i < themes.length; i++) {
			jdbc.sql(
					"""
							insert into template_sessions (template_id, position, title_fi, title_en, description_fi, description_en)
							values (:id, :position, :fi, :en, '', '')
							""")
				.param("id", id)
				.param("position", i + 1)
				.param("fi", themes[i][0])
				.param("en", themes[i][1])
				.update();
		}
		template = id.toString();
	}

	/**
	 * Leaves the shared database with only the seeded templates, as other tests expect.
	 */
	@AfterEach
	void removeTemplate() {
		UUID id = UUID.fromString(template);
		jdbc.sql("delete from series where template_id = :id").param("id", id).update();
		jdbc.sql("delete from programme_templates where id = :id").param("id", id).update();
	}

	@Test
	void aCoordinatorRewordsReordersAddsAndRemovesThemes() {
		var before = api.get("/api/series/templates/" + template, coordinator.accessToken()).body();
		assertThat(before.path("version").asInt()).isZero();

		Map<String, Object> edit = edit(0,
				List.of(theme("Isänä kahdessa kodissa", "A father in two homes"),
						theme("Tutustuminen ja tavoitteet", "Getting started"),
						theme("Lapsen ääni", "The child's voice"), theme("Vertaisuus jatkossa", "Peers from here on")));
		edit.put("defaultLengthMinutes", 75);
		var saved = api.put("/api/series/templates/" + template, edit, coordinator.accessToken());
		assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
		assertThat(saved.body().path("version").asInt()).isEqualTo(1);
		assertThat(saved.body().path("defaultLengthMinutes").asInt()).isEqualTo(75);
		assertThat(saved.body().path("kind").asString()).as("the kind is not editable").isEqualTo("CLOSED");

		JsonNode sessions = api.get("/api/series/templates/" + template, coordinator.accessToken())
			.body()
			.path("sessions");
		assertThat(titles(sessions, "fi")).containsExactly("Isänä kahdessa kodissa", "Tutustuminen ja tavoitteet",
				"Lapsen ääni", "Vertaisuus jatkossa");
		assertThat(titles(sessions, "en")).containsExactly("A father in two homes", "Getting started",
				"The child's voice", "Peers from here on");
		for (int i = 0; i < sessions.size(); i++) {
			assertThat(sessions.get(i).path("position").asInt()).isEqualTo(i + 1);
		}
		assertThat(sessions.get(2).path("description").path("fi").asString()).isEqualTo("Kuvaus: Lapsen ääni");

		var shorter = api.put("/api/series/templates/" + template, edit(1, List.of(theme("Yksi kerta", "Just once"))),
				coordinator.accessToken());
		assertThat(shorter.status()).isEqualTo(200);
		assertThat(titles(shorter.body().path("sessions"), "fi")).containsExactly("Yksi kerta");
		assertThat(jdbc.sql("select count(*) from template_sessions where template_id = :id")
			.param("id", UUID.fromString(template))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void swedishTextsAreKeptAndCopiedIntoSeriesAndMayBeLeftOut() {
		Map<String, Object> edit = edit(0,
				List.of(Map.of("title",
						Map.of("fi", "Isänä kahdessa kodissa", "sv", "Pappa i två hem", "en", "A father in two homes"),
						"description", Map.of("fi", "Arki kahdessa kodissa.", "sv", "Vardagen i två hem.", "en",
								"Everyday life in two homes.")),
						theme("Jatko", "What next")));
		edit.put("title", Map.of("fi", "Isien ryhmä", "sv", "Pappagruppen", "en", "Fathers' group"));
		var saved = api.put("/api/series/templates/" + template, edit, coordinator.accessToken());
		assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
		assertThat(saved.body().path("title").path("sv").asString()).isEqualTo("Pappagruppen");
		assertThat(saved.body().path("description").path("sv").asString()).as("left out: empty").isEmpty();
		JsonNode themes = saved.body().path("sessions");
		assertThat(titles(themes, "sv")).containsExactly("Pappa i två hem", "");
		assertThat(themes.get(0).path("description").path("sv").asString()).isEqualTo("Vardagen i två hem.");

		Session facilitator = api.staffMember("Ohjaaja Oskar", "FACILITATOR");
		Map<String, Object> plan = SeriesPlans.closedGroup("Pappor på hösten",
				LocalDate.now(Recurrence.HELSINKI).plusWeeks(3), 8, 2, facilitator.id());
		plan.put("templateId", template);
		var planned = api.post("/api/series", plan, coordinator.accessToken());
		assertThat(planned.status()).as(planned.body().toString()).isEqualTo(201);
		JsonNode sessions = planned.body().path("sessions");
		assertThat(sessions.get(0).path("theme").path("sv").asString()).isEqualTo("Pappa i två hem");
		assertThat(sessions.get(1).path("theme").path("sv").asString()).isEmpty();

		Map<String, Object> tooLong = edit(1,
				List.of(Map.of("title", Map.of("fi", "Hyvä", "sv", "x".repeat(121), "en", "Good"), "description",
						Map.of("fi", "", "sv", "e\u0301\u0301\u0301\u0301\u0301", "en", ""))));
		var refused = api.put("/api/series/templates/" + template, tooLong, coordinator.accessToken());
		assertThat(refused.status()).isEqualTo(400);
		List<String> errors = new ArrayList<>();
		refused.body()
			.path("errors")
			.forEach(error -> errors.add(error.path("field").asString() + ":" + error.path("code").asString()));
		assertThat(errors).as(refused.body().toString())
			.contains("sessions[0].title.sv:size", "sessions[0].description.sv:combining_marks");
	}

	@Test
	void theSeededProgrammesHaveSwedishTexts() {
		JsonNode all = api.get("/api/series/templates", coordinator.accessToken()).body();
		Map<String, JsonNode> byCode = new HashMap<>();
		all.forEach(each -> byCode.put(each.path("code").asString(), each));
		JsonNode closed = byCode.get("mina-tunteet-taidot");
		assertThat(closed.path("title").path("sv").asString()).isEqualTo("Jag, känslor och färdigheter");
		assertThat(titles(closed.path("sessions"), "sv")).hasSize(9).doesNotContain("");
		JsonNode open = byCode.get("tukea-eron-jalkeen");
		assertThat(open.path("title").path("sv").asString()).isEqualTo("Stöd i föräldraskapet efter separationen");
		assertThat(titles(open.path("sessions"), "sv")).hasSize(8).contains("Samarbetsföräldraskap");
		JsonNode info = byCode.get("infotilaisuudet");
		assertThat(info.path("description").path("sv").asString()).startsWith("Ett kort infotillfälle");
		assertThat(titles(info.path("sessions"), "sv")).contains("Medling i familjefrågor");

		List<String> crisis = jdbc.sql("select body from template_texts where kind = 'CRISIS' and language = 'sv'")
			.query(String.class)
			.list();
		assertThat(crisis).as("the seeded Swedish crisis message names the Swedish services")
			.anySatisfy(body -> assertThat(body).contains("Nollinjen", "080 005 005", "09 2525 0112"));
	}

	@Test
	void seriesPlannedEarlierKeepTheThemesTheyCopied() {
		Session facilitator = api.staffMember("Ohjaaja Onni", "FACILITATOR");
		Map<String, Object> plan = SeriesPlans.closedGroup("Isät syksyllä",
				LocalDate.now(Recurrence.HELSINKI).plusWeeks(3), 8, 2, facilitator.id());
		plan.put("templateId", template);
		var earlier = api.post("/api/series", plan, coordinator.accessToken());
		assertThat(earlier.status()).as(earlier.body().toString()).isEqualTo(201);

		var saved = api.put("/api/series/templates/" + template,
				edit(0, List.of(theme("Uusi alku", "A new start"), theme("Loppu", "The end"))),
				coordinator.accessToken());
		assertThat(saved.status()).isEqualTo(200);

		JsonNode kept = api.get("/api/series/" + earlier.text("id"), coordinator.accessToken()).body().path("sessions");
		assertThat(kept.size()).isEqualTo(3);
		assertThat(kept.get(0).path("theme").path("fi").asString()).isEqualTo("Tutustuminen");
		assertThat(kept.get(2).path("theme").path("en").asString()).isEqualTo("What next");

		plan.put("title", "Isät keväällä");
		var later = api.post("/api/series", plan, coordinator.accessToken()).body().path("sessions");
		assertThat(later.size()).isEqualTo(2);
		assertThat(later.get(0).path("theme").path("fi").asString()).isEqualTo("Uusi alku");
	}

	@Test
	void parentsFacilitatorsAndVisitorsCannotEdit() {
		Map<String, Object> edit = edit(0, List.of(theme("Muutettu", "Changed")));
		var parent = api.put("/api/series/templates/" + template, edit, api.registerParent("Vanhempi").accessToken());
		assertThat(parent.status()).isEqualTo(403);
		assertThat(parent.code()).isEqualTo("auth.forbidden");
		var facilitator = api.put("/api/series/templates/" + template, edit,
				api.staffMember("Ohjaaja", "FACILITATOR").accessToken());
		assertThat(facilitator.status()).isEqualTo(403);
		assertThat(api.put("/api/series/templates/" + template, edit, null).status()).isEqualTo(401);
		assertThat(
				api.get("/api/series/templates/" + template, coordinator.accessToken()).body().path("version").asInt())
			.isZero();
	}

	@Test
	void sizesAndTypesAreCheckedFieldByField() {
		assertFieldError(edit(0, List.of()), "sessions", "size");
		List<Map<String, Object>> tooMany = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			tooMany.add(theme("Teema " + i, "Theme " + i));
		}
		assertFieldError(edit(0, tooMany), "sessions", "size");
		assertFieldError(edit(0, List.of(theme("  ", "Blank in Finnish"))), "sessions[0].title.fi", "not_blank");
		assertFieldError(edit(0, List.of(theme("Hyvä", "x".repeat(121)))), "sessions[0].title.en", "size");

		Map<String, Object> longDescription = edit(0, List.of(theme("Hyvä", "Good")));
		longDescription.put("description", Map.of("fi", "x".repeat(1001), "en", ""));
		assertFieldError(longDescription, "description.fi", "size");

		Map<String, Object> noTitle = edit(0, List.of(theme("Hyvä", "Good")));
		noTitle.remove("title");
		assertFieldError(noTitle, "title", "not_null");

		Map<String, Object> tooShort = edit(0, List.of(theme("Hyvä", "Good")));
		tooShort.put("defaultLengthMinutes", 10);
		assertFieldError(tooShort, "defaultLengthMinutes", "min");

		Map<String, Object> wrongType = edit(0, List.of(theme("Hyvä", "Good")));
		wrongType.put("defaultLengthMinutes", "pitkä");
		assertFieldError(wrongType, "defaultLengthMinutes", "invalid_value");

		assertThat(
				api.get("/api/series/templates/" + template, coordinator.accessToken()).body().path("version").asInt())
			.as("nothing was saved")
			.isZero();
	}

	@Test
	void anEditFromAnOlderVersionIsRefusedAndAnUnknownTemplateIsNotFound() {
		assertThat(api
			.put("/api/series/templates/" + template, edit(0, List.of(theme("Ensimmäinen", "First"))),
					coordinator.accessToken())
			.status()).isEqualTo(200);
		var stale = api.put("/api/series/templates/" + template, edit(0, List.of(theme("Toinen", "Second"))),
				coordinator.accessToken());
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.code()).isEqualTo("series.template_changed");
		assertThat(stale.body().path("currentVersion").asInt()).isEqualTo(1);
		assertThat(titles(
				api.get("/api/series/templates/" + template, coordinator.accessToken()).body().path("sessions"), "fi"))
			.containsExactly("Ensimmäinen");

		var missing = api.put("/api/series/templates/" + UUID.randomUUID(),
				edit(0, List.of(theme("Ensimmäinen", "First"))), coordinator.accessToken());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.code()).isEqualTo("series.template_not_found");
	}

	private void assertFieldError(Map<String, Object> edit, String field, String code) {
		var refused = api.put("/api/series/templates/" + template, edit, coordinator.accessToken());
		assertThat(refused.status()).as(field).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("validation.failed");
		List<String> errors = new ArrayList<>();
		refused.body()
			.path("errors")
			.forEach(error -> errors.add(error.path("field").asString() + ":" + error.path("code").asString()));
		assertThat(errors).as(refused.body().toString()).contains(field + ":" + code);
	}

	private static Map<String, Object> edit(int version, List<Map<String, Object>> themes) {
		Map<String, Object> edit = new HashMap<>();
		edit.put("version", version);
		edit.put("title", Map.of("fi", "Isien ryhmä", "en", "Fathers' group"));
		edit.put("description", Map.of("fi", "Tapaamiset isille.", "en", "Meetings for fathers."));
		edit.put("defaultLengthMinutes", 60);
		edit.put("sessions", themes);
		return edit;
	}

	private static Map<String, Object> theme(String fi, String en) {
		return Map.of("title", Map.of("fi", fi, "en", en), "description",
				Map.of("fi", "Kuvaus: " + fi, "en", "About: " + en));
	}

	private static List<String> titles(JsonNode sessions, String language) {
		List<String> titles = new ArrayList<>();
		sessions.forEach(session -> titles.add(session.path("title").path(language).asString()));
		return titles;
	}

}
