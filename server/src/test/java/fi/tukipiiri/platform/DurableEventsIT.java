package fi.tukipiiri.platform;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;

import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.MessageKind;
import fi.tukipiiri.rooms.MessagePosted;
import fi.tukipiiri.rooms.RoomReadByAdmin;
import fi.tukipiiri.rooms.RoomRole;
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.NodeProcess;
import fi.tukipiiri.support.SeriesPlans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Business facts with a module listener survive the node that committed them (decision
 * 22): their rows in {@code event_publication}, made by Liquibase, are resubmitted by a
 * living node and deleted when done; a fact delivered again leaves one notice or audit
 * line; the chat message path writes no rows.
 * <p>
 * This node checks only when told ({@link EventRedelivery#run()}), and takes rows older
 * than two seconds.
 */
@IntegrationTest
@TestPropertySource(properties = { "tukipiiri.events.redelivery.after=2s", "tukipiiri.events.redelivery.first-check=1h",
		"tukipiiri.events.redelivery.check=1h" })
class DurableEventsIT {

	@Autowired
	ApiClient api;

	@Autowired
	Environment environment;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	EventRedelivery redelivery;

	@Autowired
	ApplicationContext context;

	/**
	 * A parent enrols through node A; A commits the enrolment and the registry row, its
	 * listener starts on the notice and waits (the test holds the notice's unique key in
	 * an open transaction), and A is killed outright. A surviving node's check resubmits
	 * the row: the notice is there once, and the row is gone.
	 */
	@Test
	void aNoticeArrivesOnceThoughTheNodeThatCommittedItsCauseWasKilled() throws Exception {
		String series = closedSeries();
		Session parent = api.registerParent("Solmu kaatui");
		try (Connection blocker = dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			try (PreparedStatement hold = blocker.prepareStatement("""
					insert into notifications (id, account_id, kind, subject_id, params, created_at)
					values (?, ?, 'enrolment.enrolled', ?, '{}'::jsonb, now())
					""")) {
				hold.setObject(1, UUID.randomUUID());
				hold.setObject(2, parent.id());
				hold.setObject(3, UUID.fromString(series));
				hold.executeUpdate();
			}
			try (NodeProcess nodeA = NodeProcess.startBeside(environment)) {
				assertThat(enrol(nodeA, series, parent)).as("enrolled through node A").isBetween(200, 299);
				await("node A's listener waiting to store the notice").atMost(20, TimeUnit.SECONDS)
					.until(() -> jdbc.sql("""
							select count(*) from pg_stat_activity
							where wait_event_type = 'Lock' and query like '%insert into notifications%'
							""").query(Long.class).single() > 0);
				assertThat(publications("EnrolmentRequested")).as("A's unfinished reaction, kept in PostgreSQL")
					.containsExactly(
							"fi.tukipiiri.notifications.SeriesNotices.on(fi.tukipiiri.series.EnrolmentRequested)");
				nodeA.kill();
			}
			blocker.rollback();
		}
		assertThat(enrolledNotices(parent, series)).as("nothing stored while A was dying").isZero();

		await().atMost(20, TimeUnit.SECONDS).pollInterval(1, TimeUnit.SECONDS).untilAsserted(() -> {
			redelivery.run();
			assertThat(enrolledNotices(parent, series)).isEqualTo(1);
		});
		await("the finished reaction's row deleted").atMost(10, TimeUnit.SECONDS)
			.until(() -> publications("EnrolmentRequested").isEmpty());
		redelivery.run();
		Thread.sleep(500);
		assertThat(enrolledNotices(parent, series)).isEqualTo(1);
		assertThat(api.get("/api/notifications", parent.accessToken()).body().get(0).path("kind").asString())
			.isEqualTo("enrolment.enrolled");
	}

	/** Liquibase made the table (changeset 043); Modulith was told not to. */
	@Test
	void theRegistryTableIsLiquibasesAndFinishedReactionsLeaveNoRow() {
		assertThat(environment.getProperty("spring.modulith.events.jdbc.schema-initialization.enabled"))
			.isEqualTo("false");
		assertThat(jdbc.sql("select id from databasechangelog where id like '043-%' order by orderexecuted")
			.query(String.class)
			.list())
			.containsExactly("043-event-publications", "043-audit-event-key", "043-audit-erasure-keeps-event-key");
		assertThat(jdbc.sql("""
				select column_name from information_schema.columns
				where table_name = 'event_publication' order by ordinal_position
				""").query(String.class).list()).containsExactly("id", "listener_id", "event_type", "serialized_event",
				"publication_date", "completion_date", "status", "completion_attempts", "last_resubmission_date");
		assertThat(jdbc
			.sql("select count(*) from information_schema.tables where table_name = 'event_publication_archive'")
			.query(Long.class)
			.single()).isZero();

		String series = closedSeries();
		Session parent = api.registerParent("Valmis reaktio");
		assertThat(api.post("/api/series/" + series + "/enrolment", Map.of(), parent.accessToken()).status())
			.isBetween(200, 299);
		await().atMost(10, TimeUnit.SECONDS).until(() -> enrolledNotices(parent, series) == 1);
		await().atMost(10, TimeUnit.SECONDS).until(() -> jdbc.sql("""
				select count(*) from event_publication where serialized_event like :series
				""").param("series", "%" + series + "%").query(Long.class).single() == 0);
	}

	/**
	 * The same fact twice (as a redelivery would bring it) gives one audit line; a
	 * different fact of the same shape gives its own.
	 */
	@Test
	void anAuditedFactDeliveredTwiceIsOneLine() {
		UUID room = UUID.randomUUID();
		UUID admin = UUID.randomUUID();
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		transactions
			.executeWithoutResult(status -> events.publishEvent(new RoomReadByAdmin(room, admin, "history", at)));
		transactions
			.executeWithoutResult(status -> events.publishEvent(new RoomReadByAdmin(room, admin, "history", at)));
		transactions.executeWithoutResult(
				status -> events.publishEvent(new RoomReadByAdmin(room, admin, "history", at.plusSeconds(1))));
		await().atMost(10, TimeUnit.SECONDS).until(() -> publications("RoomReadByAdmin").isEmpty());
		assertThat(auditLines(room)).containsExactly(at, at.plusSeconds(1));
	}

	/**
	 * A row whose resubmission never finished (the resubmitting node died too) is taken
	 * again once it is stuck, and handled once.
	 */
	@Test
	void aResubmissionLeftUnfinishedIsTakenAgain() {
		UUID room = UUID.randomUUID();
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		// the row exactly as the registry writes it, captured before its transaction
		// rolls
		// back, then left as a node that died mid-resubmission leaves it
		Map<String, Object> row = transactions.execute(status -> {
			events.publishEvent(new RoomReadByAdmin(room, UUID.randomUUID(), "history", at));
			status.setRollbackOnly();
			return jdbc.sql(
					"select listener_id, event_type, serialized_event from event_publication where serialized_event like :room")
				.param("room", "%" + room + "%")
				.query()
				.singleRow();
		});
		Instant longAgo = Instant.now().minus(10, ChronoUnit.MINUTES);
		jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				    completion_attempts, last_resubmission_date)
				values (:id, :listener, :type, :event, :published, 'RESUBMITTED', 1, :resubmitted)
				""")
			.param("id", UUID.randomUUID())
			.param("listener", row.get("listener_id"))
			.param("type", row.get("event_type"))
			.param("event", row.get("serialized_event"))
			.param("published", Timestamp.from(longAgo))
			.param("resubmitted", Timestamp.from(longAgo.plusSeconds(1)))
			.update();

		assertThat(redelivery.run()).isGreaterThanOrEqualTo(1);
		await().atMost(10, TimeUnit.SECONDS).until(() -> auditLines(room).size() == 1);
		await().atMost(10, TimeUnit.SECONDS).until(() -> publications("RoomReadByAdmin").isEmpty());
		assertThat(auditLines(room)).containsExactly(at);
	}

	/**
	 * A chat message is published with listeners that tell clients and match risk terms:
	 * none of them gets a registry row, and Modulith's completion advice is on module
	 * listeners only, so the message path never touches the table. A module listener's
	 * fact does get its row in the same transaction.
	 */
	@Test
	void theMessagePathWritesNoRegistryRows() {
		UUID room = UUID.randomUUID();
		ChatMessage message = new ChatMessage(room, 1, UUID.randomUUID(), UUID.randomUUID(), "Viestin kirjoittaja",
				RoomRole.PARTICIPANT, "Hei kaikki", Instant.now(), false, MessageKind.TEXT, Map.of(), false, null,
				false, null);
		List<Long> counts = transactions.execute(status -> {
			long before = rowsAbout(room);
			events.publishEvent(new MessagePosted(message, "c-1"));
			long afterMessage = rowsAbout(room);
			events.publishEvent(new RoomReadByAdmin(room, UUID.randomUUID(), "history", Instant.now()));
			long afterAudited = rowsAbout(room);
			status.setRollbackOnly();
			return List.of(afterMessage - before, afterAudited - afterMessage);
		});
		assertThat(counts).containsExactly(0L, 1L);

		PointcutAdvisor completion = context.getBean(EventRegistryConfiguration.COMPLETION_ADVISOR,
				PointcutAdvisor.class);
		List<String> advised = new ArrayList<>();
		List<String> moduleListeners = new ArrayList<>();
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(name);
			if (type == null || !type.getName().startsWith("fi.tukipiiri.")) {
				continue;
			}
			Class<?> target = AopUtils.getTargetClass(context.getBean(name));
			for (Method method : ReflectionUtils.getUniqueDeclaredMethods(target)) {
				if (!AnnotatedElementUtils.hasAnnotation(method, TransactionalEventListener.class)) {
					continue;
				}
				String listener = target.getSimpleName() + "." + method.getName() + "("
						+ method.getParameterTypes()[0].getSimpleName() + ")";
				if (AnnotatedElementUtils.hasAnnotation(method, ApplicationModuleListener.class)) {
					moduleListeners.add(listener);
				}
				if (completion.getPointcut().getMethodMatcher().matches(method, target)) {
					advised.add(listener);
				}
			}
		}
		assertThat(moduleListeners).as("the scan finds the module listeners")
			.contains("AuditService.on(RoomReadByAdmin)", "SeriesNotices.on(EnrolmentRequested)");
		assertThat(advised).containsExactlyInAnyOrderElementsOf(moduleListeners);
	}

	/** The registry rows, visible to the transaction, of events that name the room. */
	private long rowsAbout(UUID room) {
		return jdbc.sql("select count(*) from event_publication where serialized_event like :room")
			.param("room", "%" + room + "%")
			.query(Long.class)
			.single();
	}

	private List<String> publications(String eventType) {
		return jdbc.sql("select listener_id from event_publication where event_type like :type")
			.param("type", "%." + eventType)
			.query(String.class)
			.list();
	}

	private List<Instant> auditLines(UUID room) {
		return jdbc
			.sql("select at from moderation_audit where room_id = :room and action = 'ADMIN_READ_ROOM' order by at")
			.param("room", room)
			.query((rs, n) -> rs.getTimestamp("at").toInstant())
			.list();
	}

	private long enrolledNotices(Session parent, String series) {
		return jdbc.sql("""
				select count(*) from notifications
				where account_id = :account and kind = 'enrolment.enrolled' and subject_id = :series
				""").param("account", parent.id()).param("series", UUID.fromString(series)).query(Long.class).single();
	}

	private static int enrol(NodeProcess node, String series, Session parent) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(node.baseUrl() + "/api/series/" + series + "/enrolment"))
			.header("Authorization", "Bearer " + parent.accessToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	private String closedSeries() {
		Session admin = api.login("root-admin", "test-admin-password");
		Session facilitator = api.staffMember("Ohjaaja", "FACILITATOR");
		var plan = SeriesPlans.closedGroup("Kestävä ryhmä", LocalDate.now().plusWeeks(4), 3, 1, facilitator.id());
		return api.post("/api/series", plan, admin.accessToken()).text("id");
	}

}
