package fi.tukipiiri.platform;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event a module listener takes is written to {@code event_publication} as JSON and
 * read back when it is resubmitted after a node died (decision 22): each one, filled with
 * a value in every component, comes back equal.
 */
class EventPublicationJsonTest {

	private final EventSerializer json = new EventRegistryConfiguration().eventPublicationJson();

	@Test
	void everyModuleListenersEventComesBackFromItsJson() {
		Set<Class<?>> events = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
		for (JavaMethod method : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("fi.tukipiiri")
			.stream()
			.flatMap(type -> type.getMethods().stream())
			.filter(method -> method.isAnnotatedWith(ApplicationModuleListener.class))
			.toList()) {
			events.add(method.getRawParameterTypes().get(0).reflect());
		}
		assertThat(events).as("the scan finds the module listeners' events")
			.extracting(Class::getSimpleName)
			.contains("EnrolmentRequested", "RoomReadByAdmin", "MessageEdited", "SafetySignalRaised");
		for (Class<?> type : events) {
			Object event = value(type, type);
			Object read = json.deserialize(json.serialize(event), type);
			assertThat(read).as(type.getName()).isEqualTo(event);
		}
	}

	/** A value of every type an event is made of; a record gets one in each component. */
	private static Object value(Type generic, Class<?> type) {
		if (type == UUID.class) {
			return UUID.randomUUID();
		}
		if (type == String.class) {
			return "teksti";
		}
		if (type == Instant.class) {
			return Instant.parse("2026-03-01T10:15:30.123456Z");
		}
		if (type == LocalDate.class) {
			return LocalDate.of(2026, 3, 1);
		}
		if (type == LocalTime.class) {
			return LocalTime.of(18, 0);
		}
		if (type == Duration.class) {
			return Duration.ofMinutes(15);
		}
		if (type == boolean.class || type == Boolean.class) {
			return true;
		}
		if (type == long.class || type == Long.class) {
			return 7L;
		}
		if (type == int.class || type == Integer.class) {
			return 7;
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[type.getEnumConstants().length - 1];
		}
		if (type == List.class) {
			return List.of(value(argument(generic, 0), raw(argument(generic, 0))));
		}
		if (type == Set.class) {
			return Set.of(value(argument(generic, 0), raw(argument(generic, 0))));
		}
		if (type == Map.class) {
			return Map.of(value(argument(generic, 0), raw(argument(generic, 0))),
					value(argument(generic, 1), raw(argument(generic, 1))));
		}
		if (type.isRecord()) {
			RecordComponent[] components = type.getRecordComponents();
			Object[] values = new Object[components.length];
			Class<?>[] types = new Class<?>[components.length];
			for (int i = 0; i < components.length; i++) {
				types[i] = components[i].getType();
				values[i] = value(components[i].getGenericType(), types[i]);
			}
			try {
				var constructor = type.getDeclaredConstructor(types);
				constructor.setAccessible(true);
				return constructor.newInstance(values);
			}
			catch (ReflectiveOperationException ex) {
				throw new AssertionError("cannot make a " + type.getName(), ex);
			}
		}
		throw new AssertionError("no example value for " + type.getName() + " (add one)");
	}

	private static Type argument(Type generic, int index) {
		return ((ParameterizedType) generic).getActualTypeArguments()[index];
	}

	private static Class<?> raw(Type type) {
		return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
				: (Class<?>) type;
	}

}
