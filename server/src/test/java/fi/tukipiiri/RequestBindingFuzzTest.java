package fi.tukipiiri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;

import fi.tukipiiri.platform.JsonRefusal;

/**
 * The main commands' request bodies, read exactly as the service reads them (Boot's JSON
 * mapper with the strict-input rules and the control-character guard), under arbitrary
 * bytes: a body is bound or refused as unreadable (which the service answers with 400),
 * never failing any other way (which would be a 500), and finding the refused field never
 * throws. The corpus in
 * {@code src/test/resources/fi/tukipiiri/RequestBindingFuzzTestInputs} is replayed in
 * every build.
 */
class RequestBindingFuzzTest {

	/**
	 * The request bodies of the commands people send most, and of those that plan and
	 * moderate.
	 */
	private static final List<String> COMMANDS = List.of("fi.tukipiiri.auth.AuthController$RegisterRequest",
			"fi.tukipiiri.auth.AuthController$LoginRequest", "fi.tukipiiri.auth.AuthController$GuestRequest",
			"fi.tukipiiri.rooms.messaging.ChatController$SendMessage",
			"fi.tukipiiri.rooms.web.RoomsController$CreateRoom", "fi.tukipiiri.rooms.web.RoomsController$AddMember",
			"fi.tukipiiri.series.web.SeriesController$PlanRequest",
			"fi.tukipiiri.series.web.SeriesController$MoveSession",
			"fi.tukipiiri.series.web.TemplatesController$EditRequest",
			"fi.tukipiiri.moderation.web.RoomModerationController$Mute",
			"fi.tukipiiri.moderation.web.RoomModerationController$NewReport",
			"fi.tukipiiri.moderation.web.RoomModerationController$Lock",
			"fi.tukipiiri.moderation.messaging.ModerationStompController$Command",
			"fi.tukipiiri.feedback.web.FeedbackController$Answer",
			"fi.tukipiiri.feedback.web.FeedbackController$SelfAssessment");

	private static final JacksonJsonHttpMessageConverter CONVERTER = converter();

	private static final List<Class<?>> TYPES = COMMANDS.stream().<Class<?>>map(RequestBindingFuzzTest::load).toList();

	@FuzzTest(maxDuration = "30s")
	void aBodyIsBoundOrRefusedAsUnreadableNeverOtherwise(FuzzedDataProvider data) {
		Class<?> type = TYPES.get(data.consumeInt(0, TYPES.size() - 1));
		byte[] body = data.consumeRemainingAsBytes();
		MockHttpInputMessage message = new MockHttpInputMessage(body);
		message.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		try {
			Object bound = CONVERTER.read(type, message);
			assertThat(bound == null || type.isInstance(bound)).isTrue();
		}
		catch (HttpMessageNotReadableException refused) {
			assertThatCode(() -> JsonRefusal.of(refused)).doesNotThrowAnyException();
		}
		catch (java.io.IOException unexpected) {
			throw new AssertionError("reading from memory failed", unexpected);
		}
	}

	private static JacksonJsonHttpMessageConverter converter() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.register(JacksonAutoConfiguration.class, load("fi.tukipiiri.platform.StrictJsonConfiguration"),
				load("fi.tukipiiri.text.web.ControlCharacterGuard"));
		context.refresh();
		return context.getBean(JacksonJsonHttpMessageConverter.class);
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("A command named in the fuzz test is gone: " + name, ex);
		}
	}

}
