package fi.tukipiiri.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Every notice the server can store has its words in every language file: the bell's
 * text, and the discreet subject and line of e-mail and Web Push; the discreet words
 * never carry the group's name or theme.
 */
class NoticeTextsTest {

	private final LanguageFiles files = new LanguageFiles(JsonMapper.builder().build());

	@Test
	void everyLanguageHasEveryKindOfNotice() {
		assertThat(files.codes()).contains("fi", "en");
		assertSoftly(softly -> {
			for (String language : files.codes()) {
				Map<String, String> texts = files.texts(language);
				for (NoticeKind kind : NoticeKind.values()) {
					for (String key : new String[] { "notification." + kind.code(), "reach.subject." + kind.code(),
							"reach.body." + kind.code() }) {
						softly.assertThat(texts.get(key)).as(language + ": " + key).isNotBlank();
					}
					for (String discreet : new String[] { "reach.subject." + kind.code(),
							"reach.body." + kind.code() }) {
						softly.assertThat(texts.getOrDefault(discreet, ""))
							.as(language + ": " + discreet + " names no group, theme, room or person")
							.doesNotContain("{series}", "{theme}", "{room}", "{name}");
					}
				}
				softly.assertThat(texts.get("reach.subject.many")).as(language).contains("{count}");
			}
		});
	}

	@Test
	void everyLanguageSaysTimesInAPatternJavaReads() {
		for (String language : files.codes()) {
			Locale locale = Locale.forLanguageTag(language);
			String time = DateTimeFormatter.ofPattern(files.text(language, "reach.format.time", Map.of()), locale)
				.format(Instant.parse("2026-12-08T16:00:00Z").atZone(NoticeWording.HELSINKI));
			assertThat(time).as(language).contains("18").contains("00");
			DateTimeFormatter.ofPattern(files.text(language, "reach.format.date", Map.of()), locale);
		}
	}

	@Test
	void aMeetingsTimeIsSaidAsTodayTomorrowOrItsDateInHelsinkiTime() {
		Clock monday = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
		ReachConfiguration config = new ReachConfiguration(java.net.URI.create("https://tukipiiri.example"),
				"Tukipiiri <no-reply@tukipiiri.example>", java.time.Duration.ZERO, java.time.Duration.ofSeconds(1),
				java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(1), 3, java.time.Duration.ofMinutes(30),
				10);
		NoticeWording wording = new NoticeWording(files, config, monday);
		assertThat(wording.when(Instant.parse("2026-12-07T16:00:00Z"), "fi")).isEqualTo("tänään klo 18.00");
		assertThat(wording.when(Instant.parse("2026-12-08T16:00:00Z"), "fi")).isEqualTo("huomenna klo 18.00");
		assertThat(wording.when(Instant.parse("2026-12-10T16:30:00Z"), "fi")).isEqualTo("torstaina 10.12. klo 18.30");
		assertThat(wording.when(Instant.parse("2026-12-08T16:00:00Z"), "en")).isEqualTo("tomorrow at 18:00");
		// after 22.00 UTC it is already the next day in Helsinki
		assertThat(wording.when(Instant.parse("2026-12-07T22:30:00Z"), "fi")).isEqualTo("huomenna klo 0.30");
	}

	@Test
	void discreetWordsByDefaultAndTheGroupOnlyWhenChosen() {
		Clock monday = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
		ReachConfiguration config = new ReachConfiguration(java.net.URI.create("https://tukipiiri.example/"),
				"Tukipiiri <no-reply@tukipiiri.example>", java.time.Duration.ZERO, java.time.Duration.ofSeconds(1),
				java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(1), 3, java.time.Duration.ofMinutes(30),
				10);
		NoticeWording wording = new NoticeWording(files, config, monday);
		UUID series = UUID.randomUUID();
		Notification moved = new Notification(UUID.randomUUID(), "session.moved", UUID.randomUUID(),
				Map.of("seriesId", series.toString(), "seriesTitle", "Isien ryhmä", "themeFi", "Yhteistyövanhemmuus",
						"startsAt", "2026-12-08T16:00:00Z", "previousStartsAt", "2026-12-07T16:00:00Z"),
				Instant.parse("2026-12-07T09:00:00Z"), null);
		NoticeWording.Worded discreet = wording.word(moved, ReachSettings.defaults());
		assertThat(discreet.subject()).isEqualTo("Tukipiiri: tapaamisen aika muuttui");
		assertThat(discreet.line()).contains("huomenna klo 18.00").doesNotContain("Isien", "Yhteistyö");
		assertThat(discreet.link()).hasToString("https://tukipiiri.example/#/series/" + series);
		ReachSettings full = new ReachSettings("fi", null, false, true, false, null, null, ReachSettings.EMAIL_DEFAULT,
				ReachSettings.EMAIL_DEFAULT);
		assertThat(wording.word(moved, full).line()).contains("Isien ryhmä", "Yhteistyövanhemmuus",
				"huomenna klo 18.00", "tänään klo 18.00");
	}

}
