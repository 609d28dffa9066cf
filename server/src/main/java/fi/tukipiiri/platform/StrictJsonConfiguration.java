package fi.tukipiiri.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.function.Function;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON in (REST bodies and STOMP payloads alike, since both use the one
 * {@code JsonMapper}) is read as written, never coerced: a fraction is not an integer, a
 * string is not a number or a boolean, a number is not a boolean, a string or an enum, an
 * object does not name a key twice (RFC 8259 §4 leaves duplicates to the reader; we
 * refuse them), an empty string is no value of any other type (not a null), an enum is
 * one of its names exactly as written (Jackson would also take it with white space
 * around), and ids, dates, times, instants and durations are text in their one form
 * ({@link StrictValues}). Each refusal names its field ({@link JsonRefusal}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			// "" (or blank) is not read as null, nor as an empty list or object, for any
			// type but text itself
			.withCoercionConfigDefaults(
					defaults -> defaults.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
						.setAcceptBlankAsEmpty(false))
			// ALLOW_COERCION_OF_SCALARS covers numbers, booleans and dates as targets;
			// text and enums need saying
			.withCoercionConfig(LogicalType.Textual,
					text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum,
					choice -> choice.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.addModule(new SimpleModule("tukipiiri-strict-values")
				.addDeserializer(UUID.class, new TextOnly<>(UUID.class, LogicalType.OtherScalar, StrictValues::uuid))
				.addDeserializer(LocalDate.class,
						new TextOnly<>(LocalDate.class, LogicalType.DateTime, StrictValues::date))
				.addDeserializer(LocalTime.class,
						new TextOnly<>(LocalTime.class, LogicalType.DateTime, StrictValues::time))
				.addDeserializer(Instant.class,
						new TextOnly<>(Instant.class, LogicalType.DateTime, StrictValues::instant))
				.addDeserializer(Duration.class,
						new TextOnly<>(Duration.class, LogicalType.DateTime, StrictValues::duration))
				.setDeserializerModifier(new ValueDeserializerModifier() {
					@Override
					public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
							BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
						return new ExactEnumName(deserializer);
					}
				}));
	}

	/**
	 * An enum read only from one of its names as written: white space or control
	 * characters around or inside a name are refused before Jackson's reader, which would
	 * trim them away, sees it.
	 */
	static final class ExactEnumName extends DelegatingDeserializer {

		ExactEnumName(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new ExactEnumName(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				String text = parser.getString();
				if (text.codePoints()
					.anyMatch(
							c -> Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c))) {
					return context.handleWeirdStringValue(handledType(), text, "not one of the names, as written");
				}
			}
			return super.deserialize(parser, context);
		}

	}

	/**
	 * An id, date, time, instant or duration from a JSON string in its one accepted form.
	 * Jackson's own readers also take arrays, epoch numbers, padded text, an empty string
	 * as null and, for dates, an instant (read as its UTC date: a day early for a
	 * Helsinki midnight).
	 */
	static final class TextOnly<T> extends StdScalarDeserializer<T> {

		private final Class<T> type;

		private final LogicalType logicalType;

		private final Function<String, T> parse;

		TextOnly(Class<T> type, LogicalType logicalType, Function<String, T> parse) {
			super(type);
			this.type = type;
			this.logicalType = logicalType;
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
			return logicalType;
		}

	}

}
