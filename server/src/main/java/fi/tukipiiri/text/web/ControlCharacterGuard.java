package fi.tukipiiri.text.web;

import java.util.Optional;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import fi.tukipiiri.platform.FieldCode;
import fi.tukipiiri.text.Refusal;
import fi.tukipiiri.text.TextPolicy;

/**
 * No string in a REST request body may hold a control character other than tab, line feed
 * and carriage return, nor an unpaired surrogate: such a request is answered
 * {@code 400 validation.failed} naming the field with the code {@code control_character}
 * or {@code invalid_character}, whatever the field is (a NUL would otherwise reach
 * PostgreSQL, which refuses it). Only request bodies are read this way; JSON the service
 * reads back from its own stores is not.
 */
@Configuration(proxyBeanMethods = false)
class ControlCharacterGuard {

	@Bean
	JacksonJsonHttpMessageConverter jacksonJsonHttpMessageConverter(JsonMapper json) {
		SimpleModule strings = new SimpleModule("tukipiiri-text-policy").addDeserializer(String.class,
				new CheckedStrings());
		return new JacksonJsonHttpMessageConverter(json.rebuild().addModule(strings).build());
	}

	private static final class CheckedStrings extends StdScalarDeserializer<String> {

		CheckedStrings() {
			super(String.class);
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Textual;
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = StringDeserializer.instance.deserialize(parser, context);
			if (value != null) {
				Optional<Refusal> forbidden = TextPolicy.forbiddenCharacter(value, true);
				if (forbidden.isPresent()) {
					throw new ForbiddenCharacter(parser, forbidden.get());
				}
			}
			return value;
		}

	}

	private static final class ForbiddenCharacter extends MismatchedInputException implements FieldCode {

		private final transient Refusal refusal;

		ForbiddenCharacter(JsonParser parser, Refusal refusal) {
			super(parser, refusal == Refusal.CONTROL_CHARACTER ? "Control characters are not allowed."
					: "The text is not valid Unicode.", String.class);
			this.refusal = refusal;
		}

		@Override
		public String fieldCode() {
			return refusal.code();
		}

	}

}
