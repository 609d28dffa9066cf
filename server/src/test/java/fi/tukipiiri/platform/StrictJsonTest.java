package fi.tukipiiri.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The mapper every REST body and STOMP payload is read with: nothing is coerced, and each
 * refusal names its field.
 */
class StrictJsonTest {

	enum Scope {

		ROOM, SERIES

	}

	record Inner(String title, int position) {
	}

	record Body(int capacity, Integer minutes, long seq, Long beforeId, boolean locked, Boolean anonymous, Scope scope,
			UUID accountId, LocalDate date, LocalTime startTime, Instant at, Duration lasts, String text,
			List<Inner> sessions, Map<String, Integer> values) {
	}

	/**
	 * A valid body, field by field, as raw JSON; each case replaces one field's value.
	 */
	private static final Map<String, String> VALID = validFields();

	private static Map<String, String> validFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("capacity", "10");
		fields.put("minutes", "2");
		fields.put("seq", "3");
		fields.put("beforeId", "4");
		fields.put("locked", "true");
		fields.put("anonymous", "false");
		fields.put("scope", "\"SERIES\"");
		fields.put("accountId", "\"0f8fad5b-d9cb-469f-a165-70867728950e\"");
		fields.put("date", "\"2028-02-29\"");
		fields.put("startTime", "\"18:00\"");
		fields.put("at", "\"2026-12-29T22:00:00Z\"");
		fields.put("lasts", "\"PT15M\"");
		fields.put("text", "\"Hei\"");
		fields.put("sessions", "[{\"title\": \"Eka\", \"position\": 1}]");
		fields.put("values", "{\"calm\": 3}");
		return fields;
	}

	private static String body(String field, String value) {
		Map<String, String> fields = new LinkedHashMap<>(VALID);
		if (field != null) {
			fields.put(field, value);
		}
		return fields.entrySet()
			.stream()
			.map(entry -> "\"" + entry.getKey() + "\": " + entry.getValue())
			.collect(Collectors.joining(", ", "{", "}"));
	}

	private final JsonMapper json = strictMapper();

	static JsonMapper strictMapper() {
		JsonMapper.Builder builder = JsonMapper.builder();
		new StrictJsonConfiguration().strictJson().customize(builder);
		return builder.build();
	}

	@Test
	void valuesOfTheirOwnTypeAreRead() {
		Body body = json.readValue(body(null, null), Body.class);
		assertThat(body.capacity()).isEqualTo(10);
		assertThat(body.locked()).isTrue();
		assertThat(body.scope()).isEqualTo(Scope.SERIES);
		assertThat(body.date()).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(body.startTime()).isEqualTo(LocalTime.of(18, 0));
		assertThat(body.values()).containsEntry("calm", 3);
		assertThat(body.at()).isEqualTo(Instant.parse("2026-12-29T22:00:00Z"));
		assertThat(body.lasts()).isEqualTo(Duration.ofMinutes(15));
		assertThat(json.readValue(body("startTime", "\"07:05:30\""), Body.class).startTime())
			.isEqualTo(LocalTime.of(7, 5, 30));
		assertThat(json.readValue(body("date", "\"2026-12-31\""), Body.class).date())
			.isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(json.readValue(body("minutes", "null"), Body.class).minutes()).as("null stays null").isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			capacity    | 10.9
			capacity    | 10.0
			capacity    | 1e1
			capacity    | "10"
			capacity    | ""
			capacity    | true
			capacity    | 2147483648
			minutes     | -2147483649
			seq         | 99999999999999999999
			minutes     | 2.9
			minutes     | "2"
			seq         | 1.5
			seq         | "3"
			beforeId    | 4.5
			beforeId    | "4"
			locked      | 1
			locked      | 0
			locked      | "true"
			locked      | "yes"
			anonymous   | 1
			anonymous   | "false"
			scope       | 0
			scope       | 1.0
			scope       | true
			scope       | ""
			scope       | "series"
			scope       | "SERIES "
			scope       | " SERIES"
			scope       | "SERIES\\n"
			scope       | "SERIES\\u0000"
			scope       | "SER\\u200BIES"
			accountId   | 5
			accountId   | "1-1-1-1-1"
			accountId   | ""
			accountId   | "   "
			accountId   | "\\u0000"
			accountId   | " 0f8fad5b-d9cb-469f-a165-70867728950e"
			sessions    | ""
			values      | ""
			lasts       | ""
			text        | 12
			text        | 1.5
			text        | false
			date        | "2026-12-29T22:00:00.000Z"
			date        | "2026-12-29T22:00:00"
			date        | "2026-02-30"
			date        | "2026-02-29"
			date        | "2026-2-3"
			date        | " 2026-12-29"
			date        | "29.12.2026"
			date        | ""
			date        | 20000
			date        | [2026, 12, 29]
			startTime   | "18:00Z"
			startTime   | "18:00:00.5"
			startTime   | "18"
			startTime   | "8:00"
			startTime   | "24:00"
			startTime   | "18:00+02:00"
			startTime   | 1080
			startTime   | [18, 0]
			at          | 1767045600
			at          | "2026-12-29T22:00:00"
			at          | "2026-12-29"
			lasts       | 900
			lasts       | "15 minutes"
			""")
	void aValueOfAnotherTypeIsRefusedNamingItsField(String field, String value) {
		assertThat(refusal(body(field, value))).isEqualTo(new JsonRefusal(field, JsonRefusal.INVALID_VALUE));
	}

	@Test
	void nestedFieldsAreNamedByTheirPath() {
		assertThat(refusal(
				body("sessions", "[{\"title\": \"Eka\", \"position\": 1}, {\"title\": \"Toka\", \"position\": 2.5}]")))
			.isEqualTo(new JsonRefusal("sessions[1].position", JsonRefusal.INVALID_VALUE));
		assertThat(refusal(body("values", "{\"calm\": 2.5}")))
			.isEqualTo(new JsonRefusal("values.calm", JsonRefusal.INVALID_VALUE));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"capacity": 10, "capacity": 12}                                       | capacity
			{"locked": true, "text": "a", "locked": false}                         | locked
			{"sessions": [{"title": "Eka", "position": 1, "title": "Toka"}]}       | sessions[0].title
			{"values": {"calm": 3, "calm": 4}}                                     | values.calm
			""")
	void aKeyGivenTwiceIsRefusedNamingIt(String body, String field) {
		assertThat(refusal(body)).isEqualTo(new JsonRefusal(field, JsonRefusal.DUPLICATE_KEY));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"capacity\": ", "[1, 2, 3]", "\"text\"", "{\"capacity\" 1}" })
	void aBodyThatIsNotJsonOfTheShapeNamesNoField(String body) {
		JacksonException failure = catchThrowableOfType(JacksonException.class, () -> json.readValue(body, Body.class));
		assertThat(failure).isNotNull();
		assertThat(JsonRefusal.of(failure)).isEmpty();
	}

	private JsonRefusal refusal(String body) {
		JacksonException failure = catchThrowableOfType(JacksonException.class, () -> json.readValue(body, Body.class));
		assertThat(failure).as("refused: %s", body).isNotNull();
		return JsonRefusal.of(failure)
			.orElseThrow(() -> new AssertionError("no field named for " + body + ": " + failure));
	}

}
