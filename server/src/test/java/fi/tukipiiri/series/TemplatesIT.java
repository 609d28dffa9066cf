package fi.tukipiiri.series;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TemplatesIT {

	@Autowired
	ApiClient api;

	@Test
	void theProgrammesAreSeededWithTheirThemesInFinnishAndEnglish() {
		var parent = api.registerParent("Lukija");
		var templates = api.get("/api/series/templates", parent.accessToken()).body();
		assertThat(templates.size()).isEqualTo(3);

		var chats = find(templates, "tukea-eron-jalkeen");
		assertThat(chats.path("kind").asString()).isEqualTo("OPEN");
		assertThat(chats.path("format").asString()).isEqualTo("DISCUSSION");
		assertThat(chats.path("title").path("fi").asString()).isEqualTo("Tukea eron jälkeiseen vanhemmuuteen");
		assertThat(chats.path("sessions").size()).isEqualTo(8);
		assertThat(chats.path("sessions").get(1).path("title").path("fi").asString()).isEqualTo("Yhteistyövanhemmuus");
		assertThat(chats.path("sessions").get(1).path("title").path("en").asString()).isEqualTo("Co-parenting");

		var group = find(templates, "mina-tunteet-taidot");
		assertThat(group.path("kind").asString()).isEqualTo("CLOSED");
		assertThat(group.path("defaultLengthMinutes").asInt()).isEqualTo(90);
		assertThat(group.path("sessions").size()).isEqualTo(9);
		for (int i = 0; i < 9; i++) {
			var theme = group.path("sessions").get(i);
			assertThat(theme.path("position").asInt()).isEqualTo(i + 1);
			assertThat(theme.path("title").path("fi").asString()).isNotBlank();
			assertThat(theme.path("title").path("en").asString()).isNotBlank();
		}
		assertThat(group.path("sessions").get(5).path("title").path("fi").asString()).isEqualTo("Aggression hallinta");

		var one = api.get("/api/series/templates/" + group.path("id").asString(), parent.accessToken());
		assertThat(one.body().path("sessions").size()).isEqualTo(9);
		assertThat(group.path("format").asString()).isEqualTo("DISCUSSION");

		var info = find(templates, "infotilaisuudet");
		assertThat(info.path("kind").asString()).isEqualTo("OPEN");
		assertThat(info.path("format").asString()).isEqualTo("INFO_SESSION");
		assertThat(info.path("defaultLengthMinutes").asInt()).isEqualTo(45);
		assertThat(info.path("sessions").size()).isEqualTo(4);
		assertThat(info.path("title").path("en").asString()).isEqualTo("Information session: support after separation");
	}

	@Test
	void unknownTemplatesAndAnonymousCallersAreRefused() {
		var parent = api.registerParent("Lukija");
		var missing = api.get("/api/series/templates/00000000-0000-0000-0000-000000000000", parent.accessToken());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.code()).isEqualTo("series.template_not_found");
		assertThat(api.get("/api/series/templates", null).status()).isEqualTo(401);
	}

	private static JsonNode find(JsonNode templates, String code) {
		for (var template : templates) {
			if (template.path("code").asString().equals(code)) {
				return template;
			}
		}
		throw new AssertionError("No template " + code);
	}

}
