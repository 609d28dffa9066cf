package fi.tukipiiri;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

/**
 * The README's table of refusal codes is the contract a client is written from: every
 * code the server's sources can send appears in it exactly once, with the HTTP status the
 * sources give it ("STOMP only" for a code that is never an HTTP answer, "4xx" for the
 * framework's code for any other client error), and it lists no code that nothing sends.
 * The codes are read from the sources as they are written, so a new refusal cannot be
 * added without its row.
 */
class ReadmeRefusalCodesTest {

	private static final Path SOURCES = Path.of("src", "main", "java");

	private static final Path README = Path.of("..", "README.md");

	private static final String TABLE_HEADING = "### Refusal codes";

	/** The status cell of a code that is never an HTTP answer. */
	static final String STOMP = "STOMP only";

	/**
	 * The status cell of the framework's code for a client error without a code of its
	 * own.
	 */
	static final String ANY_OTHER = "4xx";

	/**
	 * The status a refusal is made with, then its code:
	 * {@code super(HttpStatus.CONFLICT, "rooms.read_only", …)}.
	 */
	private static final Pattern WITH_STATUS = Pattern.compile("HttpStatus\\.([A-Z_]+),\\s*\"([a-z_.]+)\"");

	/**
	 * A refusal class taking its code as an argument: {@code InvalidPlan(String code, …)
	 * { super(HttpStatus.BAD_REQUEST, code}.
	 */
	private static final Pattern CODE_ARGUMENT = Pattern
		.compile("(\\w+)\\(String code[^)]*\\)\\s*\\{\\s*super\\(HttpStatus\\.([A-Z_]+),\\s*code\\b");

	/**
	 * A framework status mapped to a code:
	 * {@code case 405 -> "request.method_not_allowed"}.
	 */
	private static final Pattern STATUS_CASE = Pattern.compile("case (\\d{3}) -> \"([a-z_.]+)\"");

	/**
	 * The codes a switch chooses between by default:
	 * {@code default -> … ? "server.error" : "request.refused"}.
	 */
	private static final Pattern CHOICE = Pattern
		.compile("default ->[^;]*\\?\\s*\"([a-z_]+\\.[a-z_.]+)\"\\s*:\\s*\"([a-z_]+\\.[a-z_.]+)\"");

	/**
	 * Codes that only travel over STOMP: an error on the user's error queue, an ERROR
	 * frame, a refused CONNECT.
	 */
	private static final Pattern STOMP_ONLY = Pattern.compile(
			"(?:new StompError\\(|setMessage\\(|new BadCredentialsException\\(|return )\\s*\"([a-z_]+\\.[a-z_.]+)\"");

	/**
	 * A constant holding a code, in a file that sends STOMP errors:
	 * {@code static final String SESSION_ENDED = "auth.session_ended"}.
	 */
	private static final Pattern CONSTANT = Pattern.compile("static final String [A-Z_]+ = \"([a-z_]+\\.[a-z_]+)\";");

	@Test
	void everyCodeTheServerSendsIsInTheReadmeOnceWithItsStatusAndNoOther() throws IOException {
		Map<String, Set<String>> sent = codesInSources();
		assertThat(sent).as("the scan finds codes made in each way; if not, it no longer reads the sources right")
			.containsKeys("auth.invalid_credentials", "rate_limited", "moderation.invalid_duration",
					"series.age_range_reversed", "series.open_to_all", "request.method_not_allowed", "request.refused",
					"auth.session_ended", "auth.token_expired", "connections.too_many", "auth.unauthenticated",
					"rooms.barred", "validation.failed", "server.error");
		assertThat(sent.size()).isGreaterThan(70);

		assertThat(sent.get("connections.too_many")).containsExactly(STOMP);
		assertThat(sent.get("request.refused")).containsExactly(ANY_OTHER);
		assertThat(sent.get("moderation.escalation_taken")).containsExactly("409");

		Map<String, List<String>> rows = readmeRows();
		for (var code : sent.entrySet()) {
			assertThat(rows.get(code.getKey())).as("README rows for %s", code.getKey()).isNotNull().hasSize(1);
			assertThat(code.getValue()).as("one status for %s", code.getKey()).hasSize(1);
			assertThat(rows.get(code.getKey()).get(0)).as("status of %s", code.getKey())
				.isEqualTo(code.getValue().iterator().next());
		}
		assertThat(new TreeSet<>(rows.keySet())).as("codes in the README that nothing sends").isSubsetOf(sent.keySet());
	}

	/**
	 * Code → the statuses it is sent with: HTTP statuses, {@value #STOMP} or
	 * {@value #ANY_OTHER}.
	 */
	static Map<String, Set<String>> codesInSources() throws IOException {
		List<String> files = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(SOURCES)) {
			paths.filter(path -> path.toString().endsWith(".java")).forEach(path -> files.add(read(path)));
		}
		Map<String, Integer> codeArguments = new HashMap<>();
		for (String source : files) {
			Matcher matcher = CODE_ARGUMENT.matcher(source);
			while (matcher.find()) {
				codeArguments.put(matcher.group(1), HttpStatus.valueOf(matcher.group(2)).value());
			}
		}
		assertThat(codeArguments).as("refusal classes taking their code as an argument")
			.containsKeys("InvalidValue", "InvalidPlan");
		Pattern madeWithArgument = Pattern
			.compile("new (" + String.join("|", codeArguments.keySet()) + ")\\(\\s*\"([a-z_.]+)\"");

		Map<String, Set<String>> codes = new TreeMap<>();
		for (String source : files) {
			find(WITH_STATUS, source,
					matcher -> status(codes, matcher.group(2), HttpStatus.valueOf(matcher.group(1)).value()));
			find(madeWithArgument, source,
					matcher -> status(codes, matcher.group(2), codeArguments.get(matcher.group(1))));
			find(STATUS_CASE, source, matcher -> status(codes, matcher.group(2), Integer.parseInt(matcher.group(1))));
		}
		// codes also sent over STOMP keep their HTTP status; the others are STOMP only
		for (String source : files) {
			find(STOMP_ONLY, source, matcher -> stompOnly(codes, matcher.group(1)));
			if (source.contains("new StompError(") || source.contains("setMessage(")) {
				find(CONSTANT, source, matcher -> stompOnly(codes, matcher.group(1)));
			}
		}
		// a condition choosing a code by the status: one known from elsewhere, or the
		// code of any other status
		for (String source : files) {
			find(CHOICE, source, matcher -> {
				for (String code : List.of(matcher.group(1), matcher.group(2))) {
					if (!codes.containsKey(code)) {
						codes.put(code, new TreeSet<>(Set.of(ANY_OTHER)));
					}
				}
			});
		}
		return codes;
	}

	private static void stompOnly(Map<String, Set<String>> codes, String code) {
		if (!codes.containsKey(code)) {
			codes.put(code, new TreeSet<>(Set.of(STOMP)));
		}
	}

	/**
	 * Code → the status cells of the rows naming it in the README's table of refusal
	 * codes: rows {@code | status | `code` | …}.
	 */
	static Map<String, List<String>> readmeRows() {
		List<String> lines = read(README).lines().toList();
		int start = lines.indexOf(TABLE_HEADING);
		assertThat(start).as("the README has a section " + TABLE_HEADING).isNotNegative();
		Map<String, List<String>> rows = new TreeMap<>();
		Pattern code = Pattern.compile("^`([a-z_]+(?:\\.[a-z_]+)*)`$");
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("#")) {
				break;
			}
			if (!line.startsWith("|")) {
				continue;
			}
			String[] cells = line.split("(?<!\\\\)\\|");
			if (cells.length < 3) {
				continue;
			}
			Matcher named = code.matcher(cells[2].trim());
			if (named.matches()) {
				rows.computeIfAbsent(named.group(1), key -> new ArrayList<>()).add(cells[1].trim());
			}
		}
		assertThat(rows).as("rows of the README's table of refusal codes").hasSizeGreaterThan(70);
		return rows;
	}

	private static void status(Map<String, Set<String>> codes, String code, int status) {
		codes.computeIfAbsent(code, key -> new TreeSet<>()).add(String.valueOf(status));
	}

	private static void find(Pattern pattern, String source, Consumer<Matcher> each) {
		Matcher matcher = pattern.matcher(source);
		while (matcher.find()) {
			each.accept(matcher);
		}
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
