package fi.tukipiiri.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import fi.tukipiiri.accounts.Role;
import fi.tukipiiri.rooms.RoomRole;

/**
 * The web client's audit screen cannot drift from the server's actions: its filter list
 * ({@code ACTIONS} in {@code web-client/src/pages/audit-page.ts}) holds exactly the
 * {@link AuditAction} constants, and every language file in
 * {@code web-client/src/i18n/*.json} names each action ({@code audit.actions.<ACTION>})
 * and each code the details carry (report reasons, concern sources, sanctions, appeal
 * outcomes, roles and room roles).
 */
class AuditActionsInClientTest {

	private static final Path CLIENT = Path.of("..", "web-client", "src");

	private static final Pattern ACTIONS = Pattern.compile("const ACTIONS = \\[(.*?)\\] as const;", Pattern.DOTALL);

	private static final Pattern QUOTED = Pattern.compile("'([A-Z_]+)'");

	@Test
	void theScreensActionListIsTheServersEnum() throws IOException {
		String page = Files.readString(CLIENT.resolve("pages/audit-page.ts"));
		Matcher list = ACTIONS.matcher(page);
		assertThat(list.find()).as("a `const ACTIONS = [...] as const;` in audit-page.ts").isTrue();
		List<String> client = new ArrayList<>();
		Matcher name = QUOTED.matcher(list.group(1));
		while (name.find()) {
			client.add(name.group(1));
		}
		assertThat(client).as("the client's ACTIONS, once each").doesNotHaveDuplicates();
		assertThat(client).as("the client's ACTIONS against AuditAction")
			.containsExactlyInAnyOrderElementsOf(names(AuditAction.values()));
	}

	@Test
	void everyLanguageNamesEveryActionAndEveryCodeInTheDetails() throws IOException {
		List<Path> files;
		try (Stream<Path> listed = Files.list(CLIENT.resolve("i18n"))) {
			files = listed.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		assertThat(files).as("language files").isNotEmpty();
		JsonMapper json = JsonMapper.builder().build();
		for (Path file : files) {
			Map<String, String> texts = json.readValue(file.toFile(), new TypeReference<Map<String, String>>() {
			});
			List<String> wanted = new ArrayList<>();
			names(AuditAction.values()).forEach(action -> wanted.add("audit.actions." + action));
			names(Report.Reason.values()).forEach(reason -> wanted.add("mod.reason." + reason));
			names(Escalation.Signal.values()).forEach(source -> wanted.add("audit.source." + source));
			names(Sanction.Kind.values()).forEach(kind -> wanted.add("audit.sanction." + kind));
			names(Appeal.Outcome.values()).forEach(outcome -> wanted.add("audit.detail.outcome." + outcome));
			names(Role.values()).forEach(role -> wanted.add("role." + role));
			for (RoomRole role : RoomRole.values()) {
				wanted.add(texts.containsKey("role." + role) ? "role." + role : "audit.roomRole." + role);
			}
			assertThat(texts.keySet()).as(file.getFileName().toString()).containsAll(wanted);
			wanted.forEach(key -> assertThat(texts.get(key)).as(file.getFileName() + " " + key).isNotBlank());
		}
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}
