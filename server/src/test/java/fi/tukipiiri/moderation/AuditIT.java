package fi.tukipiiri.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;

/**
 * The audit log in typed terms, against the real PostgreSQL: each recorder writes its
 * {@link AuditAction} with details of that action's shape, a participant added to a room
 * is not a staff appointment, older free-text lines read back in the same shapes, an
 * unknown action is refused as a field, and an erased person's text is gone from the
 * answer.
 */
@IntegrationTest
class AuditIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	Session admin;

	UUID room;

	Session facilitator;

	Session parent;

	Session reporter;

	@BeforeEach
	void aRoomWithAFacilitatorAndTwoParents() {
		admin = api.login("root-admin", "test-admin-password");
		room = api.createRoom("Audit " + UUID.randomUUID().toString().substring(0, 6), "OPEN");
		facilitator = api.staffMember("Ohjaaja Aino", "FACILITATOR");
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		parent = api.registerParent("Paula");
		reporter = api.registerParent("Raili");
		for (Session person : List.of(parent, reporter)) {
			assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), person.accessToken()).status())
				.isEqualTo(200);
		}
	}

	@Test
	void eachModerationStepIsRecordedAsItsActionWithDetailsOfItsShape() {
		String base = "/api/moderation/rooms/" + room;
		String by = facilitator.accessToken();
		Instant before = Instant.now();
		assertThat(api.post(base + "/mutes", Map.of("accountId", parent.id(), "minutes", 5, "reason", "Tauko"), by)
			.status()).isEqualTo(201);
		Instant after = Instant.now();
		assertThat(api.delete(base + "/mutes/" + parent.id(), by).status()).isEqualTo(204);
		assertThat(api.post(base + "/mutes", Map.of("accountId", parent.id()), by).status()).isEqualTo(201);
		assertThat(api.delete(base + "/mutes/" + parent.id(), by).status()).isEqualTo(204);
		assertThat(api.put(base + "/slow-mode", Map.of("seconds", 30), by).status()).isEqualTo(200);
		assertThat(api.put(base + "/pin", Map.of("text", "Muistakaa tauot"), by).status()).isEqualTo(200);
		assertThat(api.delete(base + "/pin", by).status()).isEqualTo(204);
		assertThat(api.put(base + "/lock", Map.of("locked", true), by).status()).isEqualTo(200);
		assertThat(api.put(base + "/lock", Map.of("locked", false), by).status()).isEqualTo(200);
		Response report = api.post(base + "/reports", Map.of("accountId", parent.id(), "reason", "HARASSMENT"),
				reporter.accessToken());
		assertThat(report.status()).isEqualTo(201);
		String reportId = report.text("id");
		assertThat(api
			.post("/api/moderation/reports/" + reportId + "/close", Map.of("actionTaken", false, "note", "Ei toimia"),
					by)
			.status()).isEqualTo(204);
		assertThat(api.post(base + "/bans", Map.of("accountId", reporter.id(), "reason", "Häiriö"), by).status())
			.isEqualTo(201);
		assertThat(api.delete(base + "/bans/" + reporter.id(), by).status()).isEqualTo(204);
		assertThat(api.post(base + "/removals", Map.of("accountId", parent.id()), by).status()).isEqualTo(204);

		Awaitility.await()
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> api
				.get("/api/moderation/audit?roomId=" + room + "&action=STAFF_APPOINTED", admin.accessToken())
				.body()
				.size() == 1);
		Map<String, List<JsonNode>> lines = byAction(
				api.get("/api/moderation/audit?roomId=" + room, admin.accessToken()).body());
		assertThat(lines.keySet()).containsExactlyInAnyOrder("STAFF_APPOINTED", "MUTE", "UNMUTE", "SLOW_MODE", "PIN",
				"UNPIN", "LOCK", "UNLOCK", "REPORT", "REPORT_DISMISSED", "BAN", "UNBAN", "REMOVE_MEMBER");

		List<JsonNode> mutes = details(lines, "MUTE");
		Instant until = Instant.parse(mutes.get(1).path("until").asString());
		assertThat(until).isBetween(before.plus(Duration.ofMinutes(5)).minusSeconds(1),
				after.plus(Duration.ofMinutes(5)).plusSeconds(1));
		assertThat(mutes.get(1).has("untilLifted")).isFalse();
		assertThat(lines.get("MUTE").get(1).path("reason").asString()).isEqualTo("Tauko");
		assertThat(mutes.get(0).path("untilLifted").asBoolean()).isTrue();
		assertThat(mutes.get(0).has("until")).isFalse();
		assertThat(details(lines, "UNMUTE").get(0).size()).as("a facilitator's unmute names no appeal").isZero();
		assertThat(details(lines, "SLOW_MODE").get(0).path("slowModeSeconds").asInt()).isEqualTo(30);
		assertThat(details(lines, "PIN").get(0).path("text").asString()).isEqualTo("Muistakaa tauot");
		assertThat(details(lines, "UNPIN").get(0).size()).isZero();

		JsonNode reported = lines.get("REPORT").get(0);
		assertThat(reported.path("details").path("reportReason").asString()).isEqualTo("HARASSMENT");
		assertThat(reported.path("reason").asString()).as("the category is a detail, not a reason written").isEmpty();
		assertThat(reported.path("actorId").asString()).isEqualTo(reporter.id().toString());
		JsonNode dismissed = lines.get("REPORT_DISMISSED").get(0);
		assertThat(dismissed.path("details").path("reportId").asString()).isEqualTo(reportId);
		assertThat(dismissed.path("details").path("reportReason").asString()).isEqualTo("HARASSMENT");
		assertThat(dismissed.path("reason").asString()).isEqualTo("Ei toimia");
		assertThat(details(lines, "BAN").get(0).size()).as("a room's ban names no series").isZero();
		assertThat(details(lines, "STAFF_APPOINTED").get(0).path("roomRole").asString()).isEqualTo("FACILITATOR");

		// the filter takes each action by its name
		for (AuditAction action : AuditAction.values()) {
			Response filtered = api.get("/api/moderation/audit?roomId=" + room + "&action=" + action,
					admin.accessToken());
			assertThat(filtered.status()).as(action.name()).isEqualTo(200);
			assertThat(filtered.body().size()).as(action.name())
				.isEqualTo(lines.getOrDefault(action.name(), List.of()).size());
		}
	}

	@Test
	void aParentAddedToAClosedRoomIsAMemberAddedNotAStaffAppointment() {
		UUID closed = api.createRoom("Suljettu " + UUID.randomUUID().toString().substring(0, 6), "CLOSED");
		assertThat(api.addMember(closed, parent.id(), "PARTICIPANT").status()).isEqualTo(200);
		assertThat(api.addMember(closed, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		assertThat(api.addMember(closed, facilitator.id(), "PARTICIPANT").status()).isEqualTo(200);
		assertThat(api.addMember(closed, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		assertThat(api.delete("/api/rooms/" + closed + "/members/" + parent.id(), admin.accessToken()).status())
			.isEqualTo(204);
		assertThat(api.delete("/api/rooms/" + closed + "/members/" + facilitator.id(), admin.accessToken()).status())
			.isEqualTo(204);
		// an administrator who is not a member reads the closed room under audit
		assertThat(api.get("/api/rooms/" + closed + "/messages", admin.accessToken()).status()).isEqualTo(200);

		Awaitility.await()
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> api.get("/api/moderation/audit?roomId=" + closed, admin.accessToken()).body().size() >= 7);
		List<JsonNode> lines = new ArrayList<>();
		api.get("/api/moderation/audit?roomId=" + closed, admin.accessToken()).body().forEach(lines::add);
		// recorded after each step's commit: in the order of the steps' moments
		List<JsonNode> oldestFirst = lines.stream()
			.sorted(java.util.Comparator.comparing(line -> Instant.parse(line.path("at").asString())))
			.toList();
		assertThat(oldestFirst.stream().map(line -> line.path("action").asString()).toList()).containsExactly(
				"MEMBER_ADDED", "STAFF_APPOINTED", "STAFF_DISMISSED", "STAFF_APPOINTED", "MEMBER_REMOVED",
				"STAFF_DISMISSED", "ADMIN_READ_ROOM");
		assertThat(oldestFirst.get(0).path("details").path("roomRole").asString()).isEqualTo("PARTICIPANT");
		assertThat(oldestFirst.get(0).path("details").has("previousRoomRole")).isFalse();
		assertThat(oldestFirst.get(0).path("targetId").asString()).isEqualTo(parent.id().toString());
		assertThat(oldestFirst.get(2).path("details").path("roomRole").asString()).isEqualTo("PARTICIPANT");
		assertThat(oldestFirst.get(2).path("details").path("previousRoomRole").asString()).isEqualTo("FACILITATOR");
		assertThat(oldestFirst.get(3).path("details").path("previousRoomRole").asString()).isEqualTo("PARTICIPANT");
		assertThat(oldestFirst.get(4).path("details").path("previousRoomRole").asString()).isEqualTo("PARTICIPANT");
		assertThat(oldestFirst.get(4).path("details").has("roomRole")).isFalse();
		assertThat(oldestFirst.get(5).path("details").path("previousRoomRole").asString()).isEqualTo("FACILITATOR");
		assertThat(oldestFirst.get(6).path("details").path("readVia").asString()).isEqualTo("history");
	}

	@Test
	void aRoleChangeListsTheRolesBeforeAndAfter() {
		Session coordinator = api.staffMember("Koordinaattori Kerttu", "COORDINATOR", "FACILITATOR");
		Awaitility.await()
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> api
				.get("/api/moderation/audit?action=ROLES_CHANGED&targetId=" + coordinator.id(), admin.accessToken())
				.body()
				.size() == 1);
		JsonNode line = api
			.get("/api/moderation/audit?action=ROLES_CHANGED&targetId=" + coordinator.id(), admin.accessToken())
			.body()
			.get(0);
		assertThat(line.path("actorId").asString()).isEqualTo(admin.id().toString());
		assertThat(texts(line.path("details").path("rolesBefore"))).containsExactly("PARENT");
		List<String> rolesAfter = texts(line.path("details").path("rolesAfter"));
		assertThat(rolesAfter).contains("FACILITATOR", "COORDINATOR")
			.as("in the roles' own order")
			.isSortedAccordingTo(
					java.util.Comparator.comparing(name -> fi.tukipiiri.accounts.Role.valueOf(name).ordinal()));
		assertThat(line.path("details").has("invitationId")).isFalse();
	}

	@Test
	void anUnknownActionIsRefusedAsAFieldNotAnsweredEmpty() {
		for (String action : List.of("SOMETHING_ELSE", "mute", "drop%20table", "MUTE%27")) {
			Response refused = api.get("/api/moderation/audit?action=" + action, admin.accessToken());
			assertThat(refused.status()).as(action).isEqualTo(400);
			assertThat(refused.code()).as(action).isEqualTo("validation.failed");
			assertThat(refused.body().path("errors").get(0).path("field").asString()).as(action).isEqualTo("action");
		}
	}

	@Test
	void olderFreeTextLinesAreReadInTheSameShapes() {
		UUID escalation = UUID.randomUUID();
		UUID invitation = UUID.randomUUID();
		UUID series = UUID.randomUUID();
		legacy("MUTE", "", "until 2026-03-01T18:30:00Z");
		legacy("ROLES_CHANGED", "", "[PARENT] -> [FACILITATOR,PARENT] (invitation " + invitation + ")");
		legacy("ESCALATION_TAKEN", "", "RISK_FLAG " + escalation);
		legacy("REPORT", "THREAT", "");
		legacy("SLOW_MODE", "", "45 s");
		legacy("PEER_INVITED", "", "invitation " + invitation + ", series " + series);
		legacy("STAFF_APPOINTED", "", "PEER_SUPPORTER");
		legacy("PIN", "", "{Vanha tiedote}");
		legacy("LOCK", "", "");

		Map<String, List<JsonNode>> lines = byAction(
				api.get("/api/moderation/audit?roomId=" + room + "&actorId=" + facilitator.id(), admin.accessToken())
					.body());
		assertThat(details(lines, "MUTE").get(0).path("until").asString()).isEqualTo("2026-03-01T18:30:00Z");
		JsonNode roles = details(lines, "ROLES_CHANGED").get(0);
		assertThat(texts(roles.path("rolesBefore"))).containsExactly("PARENT");
		assertThat(texts(roles.path("rolesAfter"))).containsExactly("PARENT", "FACILITATOR");
		assertThat(roles.path("invitationId").asString()).isEqualTo(invitation.toString());
		assertThat(details(lines, "ESCALATION_TAKEN").get(0).path("source").asString()).isEqualTo("RISK_FLAG");
		assertThat(details(lines, "ESCALATION_TAKEN").get(0).path("escalationId").asString())
			.isEqualTo(escalation.toString());
		assertThat(details(lines, "REPORT").get(0).path("reportReason").asString()).isEqualTo("THREAT");
		assertThat(lines.get("REPORT").get(0).path("reason").asString()).isEmpty();
		assertThat(details(lines, "SLOW_MODE").get(0).path("slowModeSeconds").asInt()).isEqualTo(45);
		assertThat(details(lines, "PEER_INVITED").get(0).path("seriesId").asString()).isEqualTo(series.toString());
		assertThat(details(lines, "STAFF_APPOINTED").get(0).path("roomRole").asString()).isEqualTo("PEER_SUPPORTER");
		assertThat(details(lines, "PIN").get(0).path("text").asString()).isEqualTo("{Vanha tiedote}");
		assertThat(details(lines, "LOCK").get(0).size()).isZero();
	}

	@Test
	void anErasedPersonsTextIsGoneFromTheLinesThatKeepWhoDidWhat() {
		String base = "/api/moderation/rooms/" + room;
		String announcement = "Eino kertoo " + UUID.randomUUID();
		assertThat(api.put(base + "/pin", Map.of("text", announcement), facilitator.accessToken()).status())
			.isEqualTo(200);
		assertThat(api
			.post(base + "/mutes", Map.of("accountId", parent.id(), "reason", "Perustelu " + announcement),
					facilitator.accessToken())
			.status()).isEqualTo(201);
		assertThat(api.get("/api/moderation/audit?roomId=" + room, admin.accessToken()).body().toString())
			.contains(announcement);

		assertThat(api.post("/api/me/erasure", Map.of("password", "correct horse battery"), facilitator.accessToken())
			.status()).isEqualTo(204);

		JsonNode after = api.get("/api/moderation/audit?roomId=" + room, admin.accessToken()).body();
		assertThat(after.toString()).doesNotContain(announcement);
		Map<String, List<JsonNode>> lines = byAction(after);
		assertThat(details(lines, "PIN").get(0).size()).isZero();
		assertThat(lines.get("PIN").get(0).path("actorId").asString()).isEqualTo(facilitator.id().toString());
		assertThat(lines.get("MUTE").get(0).path("reason").asString()).isEmpty();
		assertThat(details(lines, "MUTE").get(0).path("untilLifted").asBoolean()).as("what is no personal text stays")
			.isTrue();
	}

	private void legacy(String action, String reason, String details) {
		jdbc.sql("""
				insert into moderation_audit (at, actor_id, action, room_id, target_id, message_id, reason, details)
				values (:at, :actor, :action, :room, null, null, :reason, :details)
				""")
			.param("at", Timestamp.from(Instant.now()))
			.param("actor", facilitator.id())
			.param("action", action)
			.param("room", room)
			.param("reason", reason)
			.param("details", details)
			.update();
	}

	private static Map<String, List<JsonNode>> byAction(JsonNode lines) {
		Map<String, List<JsonNode>> by = new LinkedHashMap<>();
		lines.forEach(line -> by.computeIfAbsent(line.path("action").asString(), key -> new ArrayList<>()).add(line));
		return by;
	}

	/** The details of the action's lines, newest first. */
	private static List<JsonNode> details(Map<String, List<JsonNode>> lines, String action) {
		assertThat(lines).as("lines of " + action).containsKey(action);
		return lines.get(action).stream().map(line -> line.path("details")).toList();
	}

	private static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

}
