package fi.tukipiiri.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.series.LifecycleTicks;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;

/**
 * A closed group planned by the first administrator and run on the
 * {@link SharedTestClock}: the clock is moved to a session's lobby or past its end and
 * the node's lifecycle ticks once, so a test reaches a session's room without waiting.
 * People are kept as {@link Person}s, who sign in again at the clock's time (a token from
 * before a move of weeks has expired). Every {@link IntegrationTest} has one; the test
 * must also import {@link SharedTestClock.Config} for the node to run on that clock.
 */
@TestComponent
public class ClockedSeries {

	/** The password every registered test person has. */
	public static final String PASSWORD = "correct horse battery";

	/** The first administrator's username. */
	public static final String ADMIN = "root-admin";

	private static final String ADMIN_PASSWORD = "test-admin-password";

	private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	private final ApiClient api;

	private final JdbcClient jdbc;

	private final ApplicationContext node;

	private final SharedTestClock clock;

	/** A person who can sign in again after the clock has moved. */
	public record Person(String username, UUID id, String displayName) {
	}

	/**
	 * A series as planned: its id, its title with the tag it was given, and its sessions
	 * as the service answered them, in order.
	 */
	public record Planned(UUID id, String title, List<JsonNode> sessions) {

		/** The series as {@code POST} or {@code GET /api/series} answered it. */
		public static Planned of(JsonNode series) {
			List<JsonNode> sessions = new ArrayList<>();
			series.path("sessions").forEach(sessions::add);
			return new Planned(UUID.fromString(series.path("id").asString()), series.path("title").asString(),
					sessions);
		}

		/** The id of the session at {@code index} (0 for the first meeting). */
		public UUID sessionId(int index) {
			return UUID.fromString(sessions.get(index).path("id").asString());
		}

		/** When the session at {@code index} starts, as planned. */
		public Instant startsAt(int index) {
			return Instant.parse(sessions.get(index).path("startsAt").asString());
		}

		/** When the session at {@code index} ends, as planned (before its grace). */
		public Instant endsAt(int index) {
			return Instant.parse(sessions.get(index).path("endsAt").asString());
		}

		/** The index of the last session. */
		public int last() {
			return sessions.size() - 1;
		}

	}

	/**
	 * @param node the node whose lifecycle is ticked, the one {@code api} speaks to
	 */
	public ClockedSeries(ApiClient api, JdbcClient jdbc, ApplicationContext node) {
		this.api = api;
		this.jdbc = jdbc;
		this.node = node;
		this.clock = SharedTestClock.INSTANCE;
	}

	/** The signed-in person, with the username and display name the service holds. */
	public Person person(Session session) {
		JsonNode me = api.get("/api/me", session.accessToken()).body();
		return new Person(me.path("username").asString(), session.id(), me.path("displayName").asString());
	}

	/** The person with this username, e.g. {@link #ADMIN}. */
	public Person person(String username) {
		return person(api.login(username, password(username)));
	}

	/** An access token of the first administrator's, valid at the clock's time. */
	public String adminToken() {
		return api.login(ADMIN, ADMIN_PASSWORD).accessToken();
	}

	/** The person signed in again, with a token valid at the clock's time. */
	public Session login(Person person) {
		return api.login(person.username(), password(person.username()));
	}

	/** An access token valid at the clock's time. */
	public String token(Person person) {
		return login(person).accessToken();
	}

	/**
	 * A closed group of nine weekly meetings from two weeks after the clock's date, led
	 * by the facilitator, for eight with no minimum.
	 * @param title the title's start; a tag of its own follows, as every test shares one
	 * database
	 */
	public Planned plan(String title, Person facilitator) {
		return plan(title, 8, 0, List.of(facilitator), List.of());
	}

	/**
	 * A closed group of nine weekly meetings from two weeks after the clock's date,
	 * planned by the first administrator.
	 * @param title the title's start; a tag of its own follows
	 * @param capacity seats
	 * @param minimum participants needed on the decision date
	 * @param facilitators at least one
	 * @param peerSupporters none or more
	 */
	public Planned plan(String title, int capacity, int minimum, List<Person> facilitators,
			List<Person> peerSupporters) {
		return plan(closedGroup(title, capacity, minimum, facilitators, peerSupporters));
	}

	/**
	 * The request body {@link #plan(String, int, int, List, List)} posts, mutable so a
	 * test can change a field (e.g. the template) before {@link #plan(Map)}.
	 */
	public Map<String, Object> closedGroup(String title, int capacity, int minimum, List<Person> facilitators,
			List<Person> peerSupporters) {
		Map<String, Object> plan = SeriesPlans.closedGroup(title + " " + UUID.randomUUID().toString().substring(0, 6),
				LocalDate.ofInstant(clock.instant(), HELSINKI).plusWeeks(2), capacity, minimum,
				facilitators.get(0).id());
		plan.put("facilitatorIds", ids(facilitators));
		if (!peerSupporters.isEmpty()) {
			plan.put("peerSupporterIds", ids(peerSupporters));
		}
		return plan;
	}

	/** Plans the series as the first administrator; the answer must be 201. */
	public Planned plan(Map<String, Object> body) {
		Response planned = api.post("/api/series", body, adminToken());
		assertThat(planned.status()).as(planned.body().toString()).isEqualTo(201);
		return Planned.of(planned.body());
	}

	/** Enrols the parent, who must get a seat. */
	public void enrol(Planned planned, Person parent) {
		assertThat(api.post("/api/series/" + planned.id() + "/enrolment", Map.of(), token(parent)).text("status"))
			.isEqualTo("ENROLLED");
	}

	/**
	 * Moves the clock to ten minutes before the session and opens its room.
	 * @return the session's room
	 */
	public UUID open(Planned planned, int index) {
		clock.set(planned.startsAt(index).minus(Duration.ofMinutes(10)));
		tick();
		return room(planned, index);
	}

	/**
	 * Opens the session's room, keeps the people in it until each one's attendance is
	 * recorded and lets them go half an hour later.
	 * @return the session's room
	 */
	public UUID attend(Planned planned, int index, List<Person> people) {
		return attend(planned, index, people, (room, connections) -> {
		});
	}

	/**
	 * As {@link #attend(Planned, int, List)}, and once everyone is recorded present,
	 * {@code whilePresent} is given the room and the people's connections (in their
	 * order), e.g. to say something there, before the clock moves on.
	 */
	public UUID attend(Planned planned, int index, List<Person> people,
			BiConsumer<UUID, List<StompTestClient>> whilePresent) {
		UUID room = open(planned, index);
		UUID session = planned.sessionId(index);
		List<StompTestClient> connections = new ArrayList<>();
		try {
			for (Person person : people) {
				StompTestClient connection = StompTestClient.connect(api.baseUrl(), token(person));
				connection.subscribe("/topic/rooms/" + room);
				connections.add(connection);
			}
			await().atMost(10, TimeUnit.SECONDS)
				.until(() -> jdbc.sql("select count(*) from attendance where session_id = :s")
					.param("s", session)
					.query(Long.class)
					.single() == people.size());
			whilePresent.accept(room, connections);
			clock.advance(Duration.ofMinutes(30));
		}
		finally {
			connections.forEach(StompTestClient::close);
		}
		return room;
	}

	/**
	 * Moves the clock past the session's end and grace, which turns its room read-only.
	 */
	public void end(Planned planned, int index) {
		clock.set(planned.endsAt(index).plus(Duration.ofMinutes(11)));
		tick();
	}

	/** The session's room, once it has opened. */
	public UUID room(Planned planned, int index) {
		return jdbc.sql("select room_id from series_sessions where id = :id")
			.param("id", planned.sessionId(index))
			.query(UUID.class)
			.single();
	}

	private void tick() {
		if (node.getBean(Clock.class) != clock) {
			throw new IllegalStateException("The node is not on the shared test clock: import SharedTestClock.Config");
		}
		LifecycleTicks.tick(node);
	}

	private static String password(String username) {
		return username.equals(ADMIN) ? ADMIN_PASSWORD : PASSWORD;
	}

	private static List<String> ids(List<Person> people) {
		return people.stream().map(person -> person.id().toString()).toList();
	}

}
