package fi.tukipiiri.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DestinationsTest {

	/**
	 * A destination in the web client's table: a quoted or template string starting with
	 * {@code /topic}, {@code /user} or {@code /app}.
	 */
	private static final Pattern CLIENT_DESTINATION = Pattern.compile("[`'\"](/(?:topic|user|app)/[^`'\"]*)[`'\"]");

	@Test
	void theCatalogueMirrorsTheWebClientsTable() throws IOException {
		String protocol = Files.readString(Path.of("..", "web-client", "src", "chat", "protocol.ts"));
		int start = protocol.indexOf("export const destinations");
		String table = protocol.substring(start, protocol.indexOf("} as const", start));
		List<String> client = new ArrayList<>();
		Matcher matcher = CLIENT_DESTINATION.matcher(table);
		while (matcher.find()) {
			client.add(matcher.group(1).replace("${roomId}", "{roomId}"));
		}
		assertThat(client).as("the client's table is read").hasSizeGreaterThan(8);
		assertThat(Destinations.forClients()).as("every destination the client uses is in the catalogue")
			.containsAll(client);
	}

	@Test
	void anAudienceIsHeardWhereClientsSubscribe() {
		UUID room = UUID.fromString("6f1c0d4e-8a1b-4c55-9f5e-2d3b4a5c6d7e");
		UUID person = UUID.fromString("0b7e2c1a-3d4f-4e5a-8b6c-7d8e9f0a1b2c");
		assertThat(Destinations.of(Audience.room(room, RoomTopic.MESSAGES))).isEqualTo("/topic/rooms/" + room);
		assertThat(Destinations.of(Audience.room(room, RoomTopic.MODERATION)))
			.isEqualTo("/topic/rooms/" + room + "/moderation");
		assertThat(Destinations.of(Audience.room(room, RoomTopic.PRESENCE)))
			.isEqualTo("/topic/rooms/" + room + "/presence");
		assertThat(Destinations.of(Audience.room(room, RoomTopic.TYPING)))
			.isEqualTo("/topic/rooms/" + room + "/typing");
		assertThat(Destinations.of(Audience.room(room, RoomTopic.FLOOR))).isEqualTo("/topic/rooms/" + room + "/floor");
		assertThat(Destinations.forClients()).contains("/topic/rooms/{roomId}/floor");
		// the sender names the person; each node resolves it to that person's sessions
		// subscribed to /user/queue/…
		assertThat(Destinations.of(Audience.person(person, PersonalQueue.NOTIFICATIONS)))
			.isEqualTo("/user/" + person + "/queue/notifications");
		assertThat(Destinations.of(Audience.person(person, PersonalQueue.MODERATION)))
			.isEqualTo("/user/" + person + "/queue/moderation");
	}

}
