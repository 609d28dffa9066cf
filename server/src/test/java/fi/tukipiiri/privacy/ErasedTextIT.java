package fi.tukipiiri.privacy;

import static fi.tukipiiri.support.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.SchemaRows;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

/**
 * Erasure removes the person's text also where it was copied or kept for others: the
 * audit log's copy of a removed message, the notes and reasons they wrote as a reporter
 * and as a facilitator, their appeal and their answer to someone else's, their pinned
 * announcement, their session notes, their name in private talks and in other people's
 * notices. Afterwards no row of any table holds any of it; the rows others need stay.
 */
@IntegrationTest
class ErasedTextIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void noRowAnywhereHoldsTheErasedPersonsTextAndTheRowsOthersNeedStay() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Session admin = api.login("root-admin", "test-admin-password");
		Session outi = api.staffMember("Ohjaaja Outi " + tag, "FACILITATOR");
		String annaName = "Anna Poistuva " + tag;
		Session anna = api.staffMember(annaName, "FACILITATOR", "COORDINATOR");
		Session bertta = api.registerParent("Bertta " + tag);
		Session cecilia = api.registerParent("Cecilia " + tag);

		UUID group = api.createRoom("Ryhmä " + tag, "OPEN");
		assertThat(api.addMember(group, outi.id(), "FACILITATOR").status()).isEqualTo(200);
		join(group, anna);
		join(group, bertta);
		UUID ledByAnna = api.createRoom("Annan ryhmä " + tag, "OPEN");
		assertThat(api.addMember(ledByAnna, anna.id(), "FACILITATOR").status()).isEqualTo(200);
		join(ledByAnna, bertta);
		join(ledByAnna, cecilia);

		List<String> annasTexts = new ArrayList<>(List.of(annaName));
		String reported = text("viesti, josta Bertta ilmoittaa", tag, annasTexts);
		UUID reportedMessage = send(anna, group, reported);
		String removed = text("viesti, jonka ohjaaja poistaa", tag, annasTexts);
		UUID removedMessage = send(anna, group, removed);
		send(anna, group, text("en jaksa elää tämän kanssa", tag, annasTexts));
		UUID berttasMessage = send(bertta, group, "Bertan oma viesti " + tag);
		// Her own edit keeps what it replaced (for the facilitators and the audit log);
		// her own removal its text.
		UUID edited = send(anna, group, text("viesti ennen muokkausta", tag, annasTexts));
		assertThat(api
			.put("/api/rooms/" + group + "/messages/" + edited,
					Map.of("body", text("viesti muokkauksen jälkeen", tag, annasTexts)), anna.accessToken())
			.status()).isEqualTo(200);
		UUID deleted = send(anna, group, text("viesti, jonka Anna poistaa itse", tag, annasTexts));
		assertThat(api.delete("/api/rooms/" + group + "/messages/" + deleted, anna.accessToken()).status())
			.isEqualTo(204);
		Awaitility.await()
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> count("select count(*) from moderation_audit where action in ('EDIT_OWN_MESSAGE', "
					+ "'DELETE_OWN_MESSAGE') and room_id in (:rooms)", List.of(group)) == 2);

		String berttasNote = "Bertan huomio " + tag;
		String group1 = "/api/moderation/rooms/" + group;
		assertThat(api
			.post(group1 + "/reports", Map.of("messageId", reportedMessage, "reason", "WORRY", "note", berttasNote),
					bertta.accessToken())
			.status()).isEqualTo(201);
		assertThat(api.post(group1 + "/reports",
				Map.of("messageId", berttasMessage, "reason", "OTHER", "note",
						text("Annan huomio Bertan viestistä", tag, annasTexts)),
				anna.accessToken())
			.status()).isEqualTo(201);
		String outisReason = "Outin syy " + tag;
		assertThat(api.delete(group1 + "/messages/" + removedMessage, Map.of("reason", outisReason), outi.accessToken())
			.status()).isEqualTo(204);
		assertThat(api.post(group1 + "/private-talk-requests", Map.of(), anna.accessToken()).status()).isBetween(200,
				204);
		assertThat(api.post(group1 + "/private-talks", Map.of("accountId", anna.id()), outi.accessToken()).status())
			.isBetween(200, 201);

		String led = "/api/moderation/rooms/" + ledByAnna;
		assertThat(api.put(led + "/pin", Map.of("text", text("Annan tiedote", tag, annasTexts)), anna.accessToken())
			.status()).isEqualTo(200);
		assertThat(
				api.post(led + "/mutes",
						Map.of("accountId", cecilia.id(), "minutes", 60, "reason",
								text("Annan syy mykistää", tag, annasTexts)),
						anna.accessToken())
					.status())
			.isBetween(200, 204);
		UUID berttasSecond = send(bertta, ledByAnna, "Bertan toinen viesti " + tag);
		assertThat(api
			.delete(led + "/messages/" + berttasSecond, Map.of("reason", text("Annan syy poistaa", tag, annasTexts)),
					anna.accessToken())
			.status()).isEqualTo(204);
		Response report = api.post(led + "/reports",
				Map.of("accountId", bertta.id(), "reason", "SPAM", "note", "Cecilian huomio " + tag),
				cecilia.accessToken());
		assertThat(report.status()).isEqualTo(201);
		assertThat(api
			.post("/api/moderation/reports/" + report.text("id") + "/close",
					Map.of("actionTaken", true, "note", text("Annan käsittelymerkintä", tag, annasTexts)),
					anna.accessToken())
			.status()).isBetween(200, 204);
		assertThat(api.post(led + "/private-talks", Map.of("accountId", bertta.id()), anna.accessToken()).status())
			.isBetween(200, 201);

		// the session notes she kept as a facilitator; her co-facilitator's stay
		assertThat(api
			.post("/api/rooms/" + ledByAnna + "/notes", Map.of("body", text("Annan muistiinpano", tag, annasTexts)),
					anna.accessToken())
			.status()).isEqualTo(201);
		String outisNote = "Outin muistiinpano " + tag;
		assertThat(api.post("/api/rooms/" + group + "/notes", Map.of("body", outisNote), outi.accessToken()).status())
			.isEqualTo(201);
		// the questions she put to an information session's hosts, one published with
		// Outi's answer, one still waiting
		Response created = api.post("/api/rooms",
				Map.of("title", "Infotilaisuus " + tag, "kind", "OPEN", "format", "INFO_SESSION"), admin.accessToken());
		assertThat(created.status()).isEqualTo(201);
		UUID infoSession = UUID.fromString(created.text("id"));
		assertThat(api.addMember(infoSession, outi.id(), "FACILITATOR").status()).isEqualTo(200);
		join(infoSession, anna);
		String questions = "/api/rooms/" + infoSession + "/questions";
		Response published = api.post(questions,
				Map.of("clientId", "a1", "body", text("Annan julkaistu kysymys", tag, annasTexts)), anna.accessToken());
		assertThat(published.status()).isEqualTo(201);
		assertThat(api
			.post(questions, Map.of("clientId", "a2", "body", text("Annan odottava kysymys", tag, annasTexts)),
					anna.accessToken())
			.status()).isEqualTo(201);
		String outisAnswer = "Outin vastaus " + tag;
		assertThat(api
			.post(questions + "/" + published.text("id") + "/answer", Map.of("answer", outisAnswer), outi.accessToken())
			.status()).isEqualTo(200);
		// Outi mutes Anna, who appeals; Anna, a coordinator too, answers the appeal of
		// the
		// mute she imposed on Cecilia, who wrote her own
		Response annaMuted = api.post(group1 + "/mutes", Map.of("accountId", anna.id()), outi.accessToken());
		assertThat(annaMuted.status()).isEqualTo(201);
		assertThat(api
			.post("/api/me/appeals",
					Map.of("sanctionId", annaMuted.text("id"), "text", text("Annan valitus", tag, annasTexts)),
					anna.accessToken())
			.status()).isEqualTo(201);
		String ceciliasAppeal = "Cecilian valitus " + tag;
		UUID ceciliasMute = UUID
			.fromString(api.get("/api/me/sanctions", cecilia.accessToken()).body().get(0).path("id").asString());
		Response appealed = api.post("/api/me/appeals", Map.of("sanctionId", ceciliasMute, "text", ceciliasAppeal),
				cecilia.accessToken());
		assertThat(appealed.status()).isEqualTo(201);
		assertThat(api.post("/api/moderation/appeals/" + appealed.text("id") + "/answer",
				Map.of("answer", text("Annan vastaus valitukseen", tag, annasTexts), "lift", false), anna.accessToken())
			.status()).isEqualTo(200);

		for (String text : annasTexts) {
			assertThat(rowsHolding(text)).as("before erasure, somewhere: " + text).isNotEmpty();
		}
		long auditLines = count("select count(*) from moderation_audit where room_id in (:rooms)",
				List.of(group, ledByAnna));
		long reports = count("select count(*) from reports where room_id in (:rooms)", List.of(group, ledByAnna));

		assertThat(
				api.post("/api/me/erasure", Map.of("password", "correct horse battery"), anna.accessToken()).status())
			.isEqualTo(204);

		for (String text : annasTexts) {
			assertThat(rowsHolding(text)).as("after erasure, nowhere: " + text).isEmpty();
		}
		assertThat(count("select count(*) from moderation_audit where room_id in (:rooms)", List.of(group, ledByAnna)))
			.as("the audit keeps its lines")
			.isEqualTo(auditLines);
		assertThat(count("select count(*) from reports where room_id in (:rooms)", List.of(group, ledByAnna)))
			.as("and the reports")
			.isEqualTo(reports);
		assertThat(rowsHolding(berttasNote)).as("what others wrote stays").isNotEmpty();
		assertThat(rowsHolding(outisReason)).isNotEmpty();
		assertThat(rowsHolding(outisNote)).isNotEmpty();
		assertThat(rowsHolding(outisAnswer)).as("Outi's answer stays").isNotEmpty();
		JsonNode stream = api.get("/api/rooms/" + infoSession + "/messages", outi.accessToken())
			.body()
			.path("messages");
		assertThat(stream.get(0).path("kind").asString()).isEqualTo("QUESTION");
		assertThat(stream.get(0).path("removed").asBoolean()).as("her published question keeps its place, emptied")
			.isTrue();
		assertThat(stream.get(1).path("answersSeq").asLong()).isEqualTo(stream.get(0).path("seq").asLong());
		assertThat(api.get(questions, outi.accessToken()).body().size()).as("her questions left the queue").isZero();
		assertThat(rowsHolding(ceciliasAppeal)).as("Cecilia's appeal stays").isNotEmpty();
		assertThat(api.get("/api/me/appeals", cecilia.accessToken()).body().get(0).path("outcome").asString())
			.as("answered, without Anna's words")
			.isEqualTo("UPHELD");
		assertThat(count(
				"select count(*) from sanctions where account_id = :cecilia and lifted_at is null and kind = 'MUTE'",
				cecilia.id()))
			.as("the mute Anna imposed still holds")
			.isEqualTo(1);
		assertThat(api.get(led, cecilia.accessToken()).body().path("pinned").isMissingNode()
				|| api.get(led, cecilia.accessToken()).body().path("pinned").isNull())
			.as("Anna's announcement is unpinned")
			.isTrue();
		List<String> talks = texts(api.get("/api/rooms", bertta.accessToken()).body(), "title");
		assertThat(talks).contains("– & Bertta " + tag);
		assertThat(texts(api.get("/api/rooms", outi.accessToken()).body(), "title"))
			.contains(api.displayName(outi) + " & –");
		assertThat(api.get("/api/notifications", outi.accessToken()).body().toString())
			.contains("private_talk.requested")
			.doesNotContain(annaName);
		assertThat(api.get("/api/notifications", bertta.accessToken()).body().toString())
			.contains("private_talk.opened")
			.doesNotContain(annaName);
		assertThat(api.get("/api/moderation/audit?roomId=" + group, admin.accessToken()).status()).isEqualTo(200);
	}

	@Test
	void theAuditLogStillRefusesEveryOtherChange() {
		Session facilitator = api.staffMember("Ohjaaja Auditti", "FACILITATOR");
		UUID room = api.createRoom("Auditti", "OPEN");
		assertThat(api.addMember(room, facilitator.id(), "FACILITATOR").status()).isEqualTo(200);
		assertThat(
				api.put("/api/moderation/rooms/" + room + "/pin", Map.of("text", "Tiedote"), facilitator.accessToken())
					.status())
			.isEqualTo(200);
		long line = jdbc.sql("select id from moderation_audit where room_id = :room and action = 'PIN'")
			.param("room", room)
			.query(Long.class)
			.single();
		List<String> changes = List.of("details = ''", "details = 'toinen'", "action = 'UNPIN'",
				"at = at - interval '1 day'", "actor_id = null");
		for (String change : changes) {
			for (boolean declared : List.of(false, true)) {
				if (declared && change.equals("details = ''")) {
					continue;
				}
				assertThat(updateRefused(line, change, declared)).as(change + (declared ? " while erasing" : ""))
					.isTrue();
			}
		}
		assertThat(updateRefused(line, "details = ''", true)).as("blanking text while erasing").isFalse();
	}

	private boolean updateRefused(long line, String change, boolean declared) {
		try {
			transactions.executeWithoutResult(status -> {
				if (declared) {
					jdbc.sql("select set_config('tukipiiri.erasing_personal_text', 'on', true)")
						.query(String.class)
						.single();
				}
				jdbc.sql("update moderation_audit set " + change + " where id = :id").param("id", line).update();
			});
			return false;
		}
		catch (DataAccessException refused) {
			assertThat(refused).hasMessageContaining("append-only");
			return true;
		}
	}

	private List<String> rowsHolding(String needle) {
		return SchemaRows.holding(jdbc, needle);
	}

	private static String text(String words, String tag, List<String> collected) {
		String text = words + " " + tag;
		collected.add(text);
		return text;
	}

	private long count(String sql, Object value) {
		String name = sql.substring(sql.indexOf(':') + 1).split("[^a-z]")[0];
		return jdbc.sql(sql).param(name, value).query(Long.class).single();
	}

	private void join(UUID room, Session person) {
		assertThat(api.post("/api/rooms/" + room + "/join", Map.of(), person.accessToken()).status()).isEqualTo(200);
	}

	private UUID send(Session author, UUID room, String body) {
		try (var client = StompTestClient.connect(api.baseUrl(), author.accessToken())) {
			var acks = client.subscribe("/user/queue/acks");
			client.sendMessage(room, "c" + UUID.randomUUID().toString().substring(0, 8), body);
			return UUID.fromString(next(acks, "the ack of a message").path("messageId").asString());
		}
	}

	private static List<String> texts(tools.jackson.databind.JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach(item -> values.add(item.path(field).asString()));
		return values;
	}

}
