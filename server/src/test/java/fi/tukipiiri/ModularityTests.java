package fi.tukipiiri;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("fi.tukipiiri");

	@Test
	void featuresDependOnEachOtherOnlyThroughTheirApis() {
		ApplicationModules.of(TukipiiriApplication.class).verify();
	}

	/**
	 * Only {@code delivery} sends to clients through the broker, configures it or relays
	 * between nodes over Redis pub/sub; features publish events. (Answering a frame with
	 * {@code @SendToUser} names a catalogue destination and is left to Spring.)
	 */
	@Test
	void onlyDeliveryTouchesTheRelayOrTheBroker() {
		noClasses().that()
			.resideOutsideOfPackage("fi.tukipiiri.delivery..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.messaging.simp.SimpMessagingTemplate")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.messaging.simp.SimpMessageSendingOperations")
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.messaging.simp.broker..")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.messaging.simp.config.MessageBrokerRegistry")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker")
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(
					org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurationSupport.class)
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.data.redis.listener..")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.data.redis.connection.MessageListener")
			.orShould()
			.callMethod(org.springframework.data.redis.core.RedisTemplate.class, "convertAndSend", String.class,
					Object.class)
			.because("features publish typed events and delivery forwards them after commit")
			.check(CLASSES);
	}

	/**
	 * Destinations come from the one catalogue: no source outside {@code delivery} spells
	 * a topic or a queue.
	 */
	@Test
	void noFeatureSpellsADestination() throws IOException {
		Path sources = Path.of("src", "main", "java", "fi", "tukipiiri");
		Pattern spelled = Pattern.compile("\"/(topic|queue|user)/");
		try (Stream<Path> files = Files.walk(sources)) {
			List<String> spelling = files.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> !file.startsWith(sources.resolve("delivery")))
				.filter(file -> spelled.matcher(read(file)).find())
				.map(Path::toString)
				.toList();
			assertThat(spelling).isEmpty();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
