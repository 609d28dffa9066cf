package fi.tukipiiri.feedback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fi.tukipiiri.rooms.RoomKind;
import fi.tukipiiri.series.Series;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeCsvTest {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	@Test
	void theDefaultIsRfc4180WithAByteOrderMark() {
		byte[] csv = OutcomeCsv.of(report("Minä, tunteet ja taidot"), CsvDialect.RFC_4180);
		assertThat(Arrays.copyOf(csv, 3)).isEqualTo(BOM);
		String text = text(csv);
		assertThat(text).startsWith("section,session,item,metric,value\r\n")
			.contains("series,,,title,\"Minä, tunteet ja taidot\"\r\n")
			.contains("series,,,fill_rate,0.75\r\n")
			.contains("session,1,,rating_average,3.8\r\n")
			.contains("session,2,,rating_average,withheld\r\n")
			.contains("self_assessment,,calm,change_average,-0.25\r\n")
			.contains("self_assessment,,calm,first_average,0.0001\r\n")
			.endsWith("\r\n");
		assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
	}

	@Test
	void theFinnishExcelDialectSeparatesBySemicolonsAndWritesDecimalCommas() {
		byte[] csv = OutcomeCsv.of(report("Isät; äidit, ja \"muut\""), CsvDialect.EXCEL_FI);
		assertThat(Arrays.copyOf(csv, 3)).isEqualTo(BOM);
		assertThat(text(csv)).startsWith("section;session;item;metric;value\r\n")
			.contains("series;;;title;\"Isät; äidit, ja \"\"muut\"\"\"\r\n")
			.contains("series;;;capacity;8\r\n")
			.contains("series;;;fill_rate;0,75\r\n")
			.contains("session;1;;rating_average;3,8\r\n")
			.contains("session;2;;rating_average;withheld\r\n")
			.contains("self_assessment;;calm;change_average;-0,25\r\n")
			.doesNotContain("0.75")
			.doesNotContain("3.8");
	}

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://evil.example\",\"Klikkaa\")", "+358 40 123", "-1+1", "@SUM(A1:A9)",
			"\t=1+1", "\r=1+1" })
	void formulaLikeTextIsNeutralisedInBothDialects(String title) {
		for (CsvDialect dialect : CsvDialect.values()) {
			String titleLine = text(OutcomeCsv.of(report(title), dialect)).lines()
				.filter(line -> line.contains("title"))
				.findFirst()
				.orElseThrow();
			String value = titleLine.substring(titleLine.indexOf("title") + "title".length() + 1);
			assertThat(value.startsWith("'") || value.startsWith("\"'")).as("%s in %s: %s", title, dialect, value)
				.isTrue();
		}
	}

	@Test
	void theDialectIsNamedInTheQuery() {
		assertThat(CsvDialect.of(null)).isEqualTo(CsvDialect.RFC_4180);
		assertThat(CsvDialect.of("csv")).isEqualTo(CsvDialect.RFC_4180);
		assertThat(CsvDialect.of("excel-fi")).isEqualTo(CsvDialect.EXCEL_FI);
	}

	private static String text(byte[] csv) {
		return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
	}

	private static OutcomeReport report(String title) {
		var shown = new OutcomeReport.Feedback(5, false, 3.8, List.of(0, 1, 1, 2, 1), List.of(), List.of(), List.of());
		var withheld = new OutcomeReport.Feedback(2, true, null, null, null, null, null);
		var sessions = List.of(
				new OutcomeReport.SessionRow(UUID.randomUUID(), 1, "Eka", "Första", "First",
						Instant.parse("2027-01-12T16:00:00Z"), Series.SessionState.ENDED, 6, shown),
				new OutcomeReport.SessionRow(UUID.randomUUID(), 2, "Toka", "Andra", "Second",
						Instant.parse("2027-01-19T16:00:00Z"), Series.SessionState.ENDED, 2, withheld));
		var calm = new OutcomeReport.ItemChange("calm", Map.of("fi", "Rauhallisuus"), 1, 5,
				new OutcomeReport.Scores(5, false, 0.0001), new OutcomeReport.Scores(5, false, 2.2),
				new OutcomeReport.Scores(5, false, -0.25));
		return new OutcomeReport(UUID.randomUUID(), title, RoomKind.CLOSED, Series.State.CONFIRMED, 8, 4, 6, 0, 0.75, 6,
				1, 5, sessions, shown, List.of(calm));
	}

}
