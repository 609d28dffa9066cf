package fi.tukipiiri.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Function;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON in (REST bodies and STOMP payloads alike, since both use the one {@code JsonMapper}) is read as written, never
 * coerced: a fraction is not an integer, a string is not a number or a boolean, a number is not a boolean, a string or
 * an enum, an object does not name a key twice (RFC 8259 §4 leaves duplicates to the reader; we refuse them), and
 * dates, times, instants and durations are text in their one form ({@link StrictValues}). Each refusal names its
 * field ({@link JsonRefusal}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return builder -> builder
				.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
				.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
				.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
				// ALLOW_COERCION_OF_SCALARS covers numbers, booleans and dates as targets; text and enums need saying
				.withCoercionConfig(LogicalType.Textual, text -> text
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
				.withCoercionConfig(LogicalType.Enum, choice -> choice
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
				.addModule(new SimpleModule("tukipiiri-strict-time")
						.addDeserializer(LocalDate.class, new TextOnly<>(LocalDate.class, StrictValues::date))
						.addDeserializer(LocalTime.class, new TextOnly<>(LocalTime.class, StrictValues::time))
						.addDeserializer(Instant.class, new TextOnly<>(Instant.class, StrictValues::instant))
						.addDeserializer(Duration.class, new TextOnly<>(Duration.class, StrictValues::duration)));
	}

	/**
	 * A date, time, instant or duration from a JSON string in its one accepted form. Jackson's own readers also take
	 * arrays, epoch numbers, padded text and, for dates, an instant (read as its UTC date: a day early for a Helsinki
	 * midnight).
	 */
	static final class TextOnly<T> extends StdScalarDeserializer<T> {

		private final Class<T> type;
		private final Function<String, T> parse;

		TextOnly(Class<T> type, Function<String, T> parse) {
			super(type);
			this.type = type;
			this.parse = parse;
		}

		@Override
		public T deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return type.cast(context.handleUnexpectedToken(type, parser));
			}
			String text = parser.getString();
			try {
				return parse.apply(text);
			}
			catch (IllegalArgumentException refused) {
				return type.cast(context.handleWeirdStringValue(type, text, "%s", refused.getMessage()));
			}
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.DateTime;
		}
	}
}
