package fi.tukipiiri.peersupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import fi.tukipiiri.platform.RetentionRule;
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.ClockedSeries;
import fi.tukipiiri.support.ClockedSeries.Person;
import fi.tukipiiri.support.ClockedSeries.Planned;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.SeriesPlans;
import fi.tukipiiri.support.SharedTestClock;

/**
 * From participant to peer supporter. A series completes once its last session has ended
 * (also when its last remaining session is cancelled); a coordinator then sees its
 * enrolled participants and invites one, who is told, accepts and becomes a peer
 * supporter, in the role history in the coordinator's name. Every refusal has its code:
 * the series not completed, someone who was not a participant, a guest, a person who has
 * the role, a second open invitation, someone else's invitation, an expired or closed
 * one, and anyone but a coordinator or an administrator inviting. Declining, withdrawing
 * and expiry close an invitation; the audit log has each step; the invitations are in the
 * person's data export and go with their account.
 */
@IntegrationTest
@Import(SharedTestClock.Config.class)
@TestPropertySource(properties = "tukipiiri.series.lifecycle-tick=1h")
class PeerInvitationsIT {

	private static final SharedTestClock CLOCK = SharedTestClock.INSTANCE;

	private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<RetentionRule> retentionRules;

	@Autowired
	ClockedSeries series;

	@BeforeEach
	@AfterEach
	void resetClock() {
		CLOCK.reset();
	}

	@Test
	void aParticipantOfACompletedSeriesIsInvitedAcceptsAndBecomesAPeerSupporter() {
		Person facilitator = series.person(api.staffMember("Ohjaaja Outi", "FACILITATOR"));
		Person coordinator = series.person(api.staffMember("Koordinaattori Kaisa", "COORDINATOR"));
		Person aino = series.person(api.registerParent("Vanhempi Aino"));
		Person bertta = series.person(api.registerParent("Vanhempi Bertta"));
		Person waiting = series.person(api.registerParent("Vanhempi Odottaja"));
		Person leaver = series.person(api.registerParent("Vanhempi Lähtijä"));
		Planned planned = series.plan("Vertaisryhmä", 3, 0, List.of(facilitator), List.of());
		for (Person parent : List.of(aino, bertta, leaver, waiting)) {
			api.post("/api/series/" + planned.id() + "/enrolment", Map.of(), series.token(parent));
		}
		assertThat(api.delete("/api/series/" + planned.id() + "/enrolment", series.token(leaver)).status())
			.isEqualTo(200);
		assertThat(enrolmentStatus(planned, waiting)).as("the seat the leaver freed").isEqualTo("ENROLLED");
		Person onList = series.person(api.registerParent("Vanhempi Jonossa"));
		api.post("/api/series/" + planned.id() + "/enrolment", Map.of(), series.token(onList));
		assertThat(enrolmentStatus(planned, onList)).isEqualTo("WAITLISTED");

		Map<String, Object> invitingAino = invite(planned, aino);
		assertRefused(api.get(candidates(planned), series.token(coordinator)), 409,
				"peer_invitations.series_not_completed");
		assertRefused(api.post("/api/peer-invitations", invitingAino, series.token(coordinator)), 409,
				"peer_invitations.series_not_completed");

		series.attend(planned, 0, List.of(aino));
		series.end(planned, planned.last());
		assertThat(seriesState(planned)).isEqualTo("COMPLETED");

		JsonNode listed = api.get(candidates(planned), series.token(coordinator)).body();
		assertThat(names(listed)).as("enrolled participants by nickname; not the staff, the waitlisted or a leaver")
			.containsExactlyInAnyOrder(aino.displayName(), bertta.displayName(), waiting.displayName());
		JsonNode ainoListed = entry(listed, aino);
		assertThat(ainoListed.path("sessionsAttended").asInt()).isEqualTo(1);
		assertThat(ainoListed.path("sessionsHeld").asInt()).isEqualTo(9);
		assertThat(ainoListed.path("standing").asString()).isEqualTo("INVITABLE");
		assertThat(ainoListed.path("invitation").isNull()).isTrue();
		assertThat(ainoListed.has("username")).isFalse();

		for (Person notCoordinator : List.of(facilitator, bertta)) {
			assertRefused(api.get(candidates(planned), series.token(notCoordinator)), 403, "auth.forbidden");
			assertRefused(api.post("/api/peer-invitations", invitingAino, series.token(notCoordinator)), 403,
					"auth.forbidden");
		}

		Instant invitedAt = CLOCK.instant();
		Response invited = api.post("/api/peer-invitations", invitingAino, series.token(coordinator));
		assertThat(invited.status()).as(invited.body().toString()).isEqualTo(201);
		String invitation = invited.text("id");
		assertThat(invited.text("status")).isEqualTo("OPEN");
		assertThat(invited.text("seriesTitle")).startsWith("Vertaisryhmä");
		assertThat(invited.text("displayName")).isEqualTo(aino.displayName());
		assertThat(invited.text("invitedByName")).isEqualTo(coordinator.displayName());
		assertThat(Instant.parse(invited.text("expiresAt"))).isEqualTo(invitedAt.plus(Duration.ofDays(30)));
		assertThat(invited.body().path("closedAt").isNull()).isTrue();
		assertRefused(api.post("/api/peer-invitations", invitingAino, series.adminToken()), 409,
				"peer_invitations.already_invited");
		assertThat(
				entry(api.get(candidates(planned), series.token(coordinator)).body(), aino).path("standing").asString())
			.isEqualTo("INVITED");

		String ainoToken = series.token(aino);
		awaitNotice(ainoToken, "peer_invitation.received", invitation);
		JsonNode own = api.get("/api/me/peer-invitations", ainoToken).body();
		assertThat(own.size()).isEqualTo(1);
		assertThat(own.get(0).path("id").asString()).isEqualTo(invitation);
		assertThat(api.get("/api/me/peer-invitations", series.token(bertta)).body().size()).isZero();

		assertRefused(api.post(accept(invitation), Map.of(), series.token(bertta)), 403, "peer_invitations.not_yours");
		assertRefused(api.post(decline(invitation), Map.of(), series.token(bertta)), 403, "peer_invitations.not_yours");
		assertRefused(api.post(accept(UUID.randomUUID().toString()), Map.of(), ainoToken), 404,
				"peer_invitations.not_found");
		assertRefused(api.post(accept("not-an-id"), Map.of(), ainoToken), 400, "request.malformed");

		Response accepted = api.post(accept(invitation), Map.of(), ainoToken);
		assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
		assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
		assertThat(accepted.text("closedAt")).isNotBlank();
		assertThat(api.get("/api/me", ainoToken).status()).as("the token with the old roles ends").isEqualTo(401);
		String promoted = series.token(aino);
		assertThat(roles(api.get("/api/me", promoted).body())).containsExactlyInAnyOrder("PARENT", "PEER_SUPPORTER");

		JsonNode history = api.get("/api/admin/users/" + aino.id() + "/role-changes", series.adminToken()).body();
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.get(0).path("changedBy").asString()).as("in the name of the one who invited")
			.isEqualTo(coordinator.id().toString());
		assertThat(history.get(0).path("changedByDisplayName").asString()).isEqualTo(coordinator.displayName());
		assertThat(history.get(0).path("invitationId").asString()).isEqualTo(invitation);
		assertThat(roles(history.get(0).path("previousRoles"))).containsExactly("PARENT");
		assertThat(roles(history.get(0).path("newRoles"))).containsExactlyInAnyOrder("PARENT", "PEER_SUPPORTER");

		awaitNotice(series.token(coordinator), "peer_invitation.accepted", invitation);
		awaitAudit("PEER_INVITED", aino, coordinator);
		awaitAudit("PEER_INVITATION_ACCEPTED", aino, aino);
		awaitAudit("ROLES_CHANGED", aino, coordinator);

		Response again = api.post(accept(invitation), Map.of(), promoted);
		assertThat(again.status()).as("accepting again changes nothing").isEqualTo(200);
		assertThat(again.text("status")).isEqualTo("ACCEPTED");
		assertThat(api.get("/api/admin/users/" + aino.id() + "/role-changes", series.adminToken()).body().size())
			.isEqualTo(1);
		assertRefused(api.post(decline(invitation), Map.of(), promoted), 409, "peer_invitations.closed");
		assertRefused(
				api.post("/api/peer-invitations/" + invitation + "/withdraw", Map.of(), series.token(coordinator)), 409,
				"peer_invitations.closed");
		assertRefused(api.post("/api/peer-invitations", invitingAino, series.token(coordinator)), 409,
				"peer_invitations.already_has_role");
		assertThat(
				entry(api.get(candidates(planned), series.token(coordinator)).body(), aino).path("standing").asString())
			.isEqualTo("HAS_ROLE");

		// a peer supporter now: on the staff list, and named to a new group's staff
		assertThat(names(api.get("/api/staff", series.token(coordinator)).body())).contains(aino.displayName());
		Map<String, Object> next = SeriesPlans.closedGroup("Uusi ryhmä",
				LocalDate.ofInstant(CLOCK.instant(), HELSINKI).plusWeeks(3), 8, 0, facilitator.id());
		next.put("peerSupporterIds", List.of(aino.id().toString()));
		Response newGroup = api.post("/api/series", next, series.token(coordinator));
		assertThat(newGroup.status()).as(newGroup.body().toString()).isEqualTo(201);
		assertThat(newGroup.body().path("staff").toString()).contains(aino.id().toString(), "PEER_SUPPORTER");
	}

	@Test
	void onlyEnrolledRegisteredParentsOfACompletedSeriesCanBeInvited() {
		Person facilitator = series.person(api.staffMember("Ohjaaja Olli", "FACILITATOR"));
		Person peer = series.person(api.staffMember("Vertaistoimija Veera", "PEER_SUPPORTER"));
		Person coordinator = series.person(api.staffMember("Koordinaattori Kalle", "COORDINATOR"));
		Person cecilia = series.person(api.registerParent("Vanhempi Cecilia"));
		Person outsider = series.person(api.registerParent("Vanhempi Ulkopuolinen"));
		Planned planned = series.plan("Vertaisryhmä", facilitator);
		api.post("/api/series/" + planned.id() + "/enrolment", Map.of(), series.token(cecilia));
		api.post("/api/series/" + planned.id() + "/enrolment", Map.of(), series.token(peer));
		assertThat(enrolmentStatus(planned, peer)).as("a peer supporter may enrol like anyone registered")
			.isEqualTo("ENROLLED");
		completeByCancellingAllButTheFirst(planned, coordinator);
		assertThat(seriesState(planned)).as("its last remaining session ended, the rest cancelled")
			.isEqualTo("COMPLETED");
		Session guest = api.guest("Vieras Ville");

		String coordinatorToken = series.token(coordinator);
		assertRefused(api.post("/api/peer-invitations", invite(planned, outsider), coordinatorToken), 409,
				"peer_invitations.not_participant");
		assertRefused(api.post("/api/peer-invitations", invite(planned, facilitator), coordinatorToken), 409,
				"peer_invitations.not_participant");
		assertRefused(api.post("/api/peer-invitations", invite(planned, peer), coordinatorToken), 409,
				"peer_invitations.already_has_role");
		assertRefused(api.post("/api/peer-invitations",
				Map.of("seriesId", planned.id().toString(), "accountId", guest.id().toString()), coordinatorToken), 409,
				"peer_invitations.guest");
		assertRefused(api.post("/api/peer-invitations",
				Map.of("seriesId", planned.id().toString(), "accountId", UUID.randomUUID().toString()),
				coordinatorToken), 404, "accounts.not_found");
		assertRefused(api.post("/api/peer-invitations",
				Map.of("seriesId", UUID.randomUUID().toString(), "accountId", cecilia.id().toString()),
				coordinatorToken), 404, "series.not_found");
		assertRefused(api.get("/api/series/" + UUID.randomUUID() + "/peer-candidates", coordinatorToken), 404,
				"series.not_found");
		Response withoutPerson = api.post("/api/peer-invitations", Map.of("seriesId", planned.id().toString()),
				coordinatorToken);
		assertRefused(withoutPerson, 400, "validation.failed");
		assertThat(withoutPerson.body().path("errors").get(0).path("field").asString()).isEqualTo("accountId");
		assertRefused(api.post("/api/peer-invitations", Map.of("seriesId", planned.id().toString(), "accountId", 12),
				coordinatorToken), 400, "validation.failed");
		assertRefused(api.post("/api/peer-invitations", invite(planned, cecilia), guest.accessToken()), 403,
				"auth.forbidden");
		assertRefused(api.post("/api/peer-invitations", invite(planned, cecilia), null), 401, "auth.unauthenticated");

		JsonNode listed = api.get(candidates(planned), coordinatorToken).body();
		assertThat(names(listed)).containsExactlyInAnyOrder(cecilia.displayName(), peer.displayName());
		assertThat(entry(listed, peer).path("standing").asString()).isEqualTo("HAS_ROLE");
		assertThat(jdbc.sql("select count(*) from peer_invitations where series_id = :s")
			.param("s", planned.id())
			.query(Long.class)
			.single()).as("nothing was stored by the refused").isZero();
		assertThat(api.post("/api/peer-invitations", invite(planned, cecilia), coordinatorToken).status())
			.isEqualTo(201);
	}

	@Test
	void declinedWithdrawnAndExpiredInvitationsCloseAndANewOneMayFollow() {
		Person facilitator = series.person(api.staffMember("Ohjaaja Oona", "FACILITATOR"));
		Person coordinator = series.person(api.staffMember("Koordinaattori Kerttu", "COORDINATOR"));
		Person dora = series.person(api.registerParent("Vanhempi Dora"));
		Planned planned = series.plan("Vertaisryhmä", facilitator);
		api.post("/api/series/" + planned.id() + "/enrolment", Map.of(), series.token(dora));
		completeByCancellingAllButTheFirst(planned, coordinator);

		Instant closedAround = CLOCK.instant();
		String first = api.post("/api/peer-invitations", invite(planned, dora), series.token(coordinator)).text("id");
		Response declined = api.post(decline(first), Map.of(), series.token(dora));
		assertThat(declined.status()).isEqualTo(200);
		assertThat(declined.text("status")).isEqualTo("DECLINED");
		assertThat(api.post(decline(first), Map.of(), series.token(dora)).text("status")).as("declining again")
			.isEqualTo("DECLINED");
		assertRefused(api.post(accept(first), Map.of(), series.token(dora)), 409, "peer_invitations.closed");
		awaitNotice(series.token(coordinator), "peer_invitation.declined", first);
		awaitAudit("PEER_INVITATION_DECLINED", dora, dora);
		assertThat(roles(api.get("/api/me", series.token(dora)).body())).containsExactly("PARENT");

		CLOCK.advance(Duration.ofMinutes(1));
		Response second = api.post("/api/peer-invitations", invite(planned, dora), series.token(coordinator));
		assertThat(second.status()).as("invited again after declining").isEqualTo(201);
		String secondId = second.text("id");
		Person admin = series.person(ClockedSeries.ADMIN);
		Response withdrawn = api.post("/api/peer-invitations/" + secondId + "/withdraw", Map.of(), series.token(admin));
		assertThat(withdrawn.status()).isEqualTo(200);
		assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
		assertThat(api.post("/api/peer-invitations/" + secondId + "/withdraw", Map.of(), series.token(coordinator))
			.status()).as("withdrawing again").isEqualTo(200);
		assertRefused(api.post("/api/peer-invitations/" + secondId + "/withdraw", Map.of(), series.token(dora)), 403,
				"auth.forbidden");
		assertRefused(api.post(accept(secondId), Map.of(), series.token(dora)), 409, "peer_invitations.closed");
		assertRefused(
				api.post("/api/peer-invitations/" + UUID.randomUUID() + "/withdraw", Map.of(), series.token(admin)),
				404, "peer_invitations.not_found");
		awaitNotice(series.token(dora), "peer_invitation.withdrawn", secondId);
		awaitAudit("PEER_INVITATION_WITHDRAWN", dora, admin);

		CLOCK.advance(Duration.ofMinutes(1));
		String third = api.post("/api/peer-invitations", invite(planned, dora), series.token(coordinator)).text("id");
		CLOCK.advance(Duration.ofDays(30).plusMinutes(1));
		assertRefused(api.post(accept(third), Map.of(), series.token(dora)), 409, "peer_invitations.expired");
		assertRefused(api.post(decline(third), Map.of(), series.token(dora)), 409, "peer_invitations.expired");
		assertRefused(api.post("/api/peer-invitations/" + third + "/withdraw", Map.of(), series.token(coordinator)),
				409, "peer_invitations.expired");
		JsonNode listed = entry(api.get(candidates(planned), series.token(coordinator)).body(), dora);
		assertThat(listed.path("standing").asString()).isEqualTo("INVITABLE");
		assertThat(listed.path("invitation").path("status").asString()).isEqualTo("EXPIRED");
		assertThat(statuses(api.get("/api/me/peer-invitations", series.token(dora)).body())).as("newest first")
			.containsExactly("EXPIRED", "WITHDRAWN", "DECLINED");

		Response fourth = api.post("/api/peer-invitations", invite(planned, dora), series.token(coordinator));
		assertThat(fourth.status()).as("an expired invitation leaves room for a new one").isEqualTo(201);
		assertThat(jdbc.sql("select status from peer_invitations where id = :id")
			.param("id", UUID.fromString(third))
			.query(String.class)
			.single()).isEqualTo("EXPIRED");

		RetentionRule retention = retentionRules.stream()
			.filter(rule -> rule.name().equals("peer-invitations"))
			.findFirst()
			.orElseThrow();
		retention.purge(closedAround.plus(Duration.ofDays(364)));
		assertThat(statuses(api.get("/api/me/peer-invitations", series.token(dora)).body())).as("within a year")
			.containsExactly("OPEN", "EXPIRED", "WITHDRAWN", "DECLINED");
		retention.purge(CLOCK.instant().plus(Duration.ofDays(366)));
		assertThat(statuses(api.get("/api/me/peer-invitations", series.token(dora)).body()))
			.as("closed over a year ago: gone; the open one stays")
			.containsExactly("OPEN");
		retention.purge(CLOCK.instant().plus(Duration.ofDays(30 + 366)));
		assertThat(statuses(api.get("/api/me/peer-invitations", series.token(dora)).body()))
			.as("a year after the open one expired unanswered")
			.isEmpty();
	}

	@Test
	void theInvitationsAreInTheExportAndGoWithTheAccount() {
		Person facilitator = series.person(api.staffMember("Ohjaaja Onni", "FACILITATOR"));
		Person coordinator = series.person(api.staffMember("Koordinaattori Kimmo", "COORDINATOR"));
		Person eeva = series.person(api.registerParent("Vanhempi Eeva"));
		Person fanni = series.person(api.registerParent("Vanhempi Fanni"));
		Planned planned = series.plan("Vertaisryhmä", facilitator);
		for (Person parent : List.of(eeva, fanni)) {
			api.post("/api/series/" + planned.id() + "/enrolment", Map.of(), series.token(parent));
		}
		completeByCancellingAllButTheFirst(planned, coordinator);
		String toEeva = api.post("/api/peer-invitations", invite(planned, eeva), series.token(coordinator)).text("id");
		String toFanni = api.post("/api/peer-invitations", invite(planned, fanni), series.token(coordinator))
			.text("id");

		JsonNode export = api.get("/api/me/export", series.token(eeva)).body().path("peerInvitations");
		assertThat(export.size()).isEqualTo(1);
		assertThat(export.get(0).path("id").asString()).isEqualTo(toEeva);
		assertThat(export.get(0).path("seriesTitle").asString()).startsWith("Vertaisryhmä");
		assertThat(export.get(0).path("invitedByName").asString()).isEqualTo(coordinator.displayName());
		assertThat(export.get(0).path("status").asString()).isEqualTo("OPEN");

		assertThat(api.post(decline(toEeva), Map.of(), series.token(eeva)).status()).isEqualTo(200);
		String coordinatorToken = series.token(coordinator);
		awaitNotice(coordinatorToken, "peer_invitation.declined", toEeva);
		assertThat(api.post("/api/me/erasure", Map.of("password", ClockedSeries.PASSWORD), series.token(eeva)).status())
			.isEqualTo(204);
		assertThat(jdbc.sql("select count(*) from peer_invitations where account_id = :a")
			.param("a", eeva.id())
			.query(Long.class)
			.single()).isZero();
		JsonNode notice = notice(coordinatorToken, "peer_invitation.declined", toEeva);
		assertThat(notice.path("params").has("displayName")).as("the coordinator's notice forgets the name").isFalse();
		assertThat(notice.path("params").has("accountId")).isFalse();
		assertThat(notice.path("params").path("seriesTitle").asString()).startsWith("Vertaisryhmä");

		// the inviter's erasure leaves the invitation without them
		assertThat(api.post("/api/me/erasure", Map.of("password", ClockedSeries.PASSWORD), coordinatorToken).status())
			.isEqualTo(204);
		JsonNode fannis = api.get("/api/me/peer-invitations", series.token(fanni)).body().get(0);
		assertThat(fannis.path("id").asString()).isEqualTo(toFanni);
		assertThat(fannis.path("invitedBy").isNull()).isTrue();
		assertThat(fannis.path("invitedByName").isNull()).isTrue();
		Response accepted = api.post(accept(toFanni), Map.of(), series.token(fanni));
		assertThat(accepted.text("status")).as("still accepted without its inviter").isEqualTo("ACCEPTED");
		JsonNode history = api.get("/api/admin/users/" + fanni.id() + "/role-changes", series.adminToken()).body();
		assertThat(history.get(0).path("changedBy").isNull()).isTrue();
		assertThat(history.get(0).path("invitationId").asString()).isEqualTo(toFanni);
	}

	// --- helpers ---

	private static void assertRefused(Response answer, int status, String code) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
		assertThat(answer.code()).as(answer.body().toString()).isEqualTo(code);
	}

	/**
	 * Cancels every session but the first, then holds that one: the series completes once
	 * it ends.
	 */
	private void completeByCancellingAllButTheFirst(Planned planned, Person coordinator) {
		String token = series.token(coordinator);
		for (int index = 1; index < planned.sessions().size(); index++) {
			assertThat(
					api.delete("/api/series/" + planned.id() + "/sessions/" + planned.sessionId(index), token).status())
				.isEqualTo(200);
		}
		series.open(planned, 0);
		assertThat(seriesState(planned)).as("decided, not yet over").isEqualTo("CONFIRMED");
		series.end(planned, 0);
	}

	private String seriesState(Planned planned) {
		return jdbc.sql("select state from series where id = :id")
			.param("id", planned.id())
			.query(String.class)
			.single();
	}

	private String enrolmentStatus(Planned planned, Person person) {
		return jdbc.sql("select status from enrolments where series_id = :s and account_id = :a")
			.param("s", planned.id())
			.param("a", person.id())
			.query(String.class)
			.single();
	}

	private static Map<String, Object> invite(Planned planned, Person person) {
		Map<String, Object> body = new HashMap<>();
		body.put("seriesId", planned.id().toString());
		body.put("accountId", person.id().toString());
		return body;
	}

	private static String candidates(Planned planned) {
		return "/api/series/" + planned.id() + "/peer-candidates";
	}

	private static String accept(String invitation) {
		return "/api/me/peer-invitations/" + invitation + "/accept";
	}

	private static String decline(String invitation) {
		return "/api/me/peer-invitations/" + invitation + "/decline";
	}

	private static JsonNode entry(JsonNode candidates, Person person) {
		for (JsonNode candidate : candidates) {
			if (candidate.path("accountId").asString().equals(person.id().toString())) {
				return candidate;
			}
		}
		throw new AssertionError(person.displayName() + " is not listed: " + candidates);
	}

	private static List<String> names(JsonNode people) {
		List<String> names = new ArrayList<>();
		people.forEach(person -> names.add(person.path("displayName").asString()));
		return names;
	}

	private static List<String> statuses(JsonNode invitations) {
		List<String> statuses = new ArrayList<>();
		invitations.forEach(invitation -> statuses.add(invitation.path("status").asString()));
		return statuses;
	}

	private static List<String> roles(JsonNode node) {
		JsonNode roles = node.has("roles") ? node.path("roles") : node;
		List<String> names = new ArrayList<>();
		roles.forEach(role -> names.add(role.asString()));
		return names;
	}

	private void awaitNotice(String token, String kind, String subject) {
		await().atMost(10, TimeUnit.SECONDS).until(() -> findNotice(token, kind, subject) != null);
	}

	private JsonNode notice(String token, String kind, String subject) {
		JsonNode found = findNotice(token, kind, subject);
		assertThat(found).as(kind + " about " + subject).isNotNull();
		return found;
	}

	private JsonNode findNotice(String token, String kind, String subject) {
		for (JsonNode notice : api.get("/api/notifications?limit=200", token).body()) {
			if (notice.path("kind").asString().equals(kind) && notice.path("subjectId").asString().equals(subject)) {
				return notice;
			}
		}
		return null;
	}

	private void awaitAudit(String action, Person target, Person actor) {
		String admin = series.adminToken();
		await().atMost(10, TimeUnit.SECONDS).until(() -> {
			JsonNode lines = api.get("/api/moderation/audit?action=" + action + "&targetId=" + target.id(), admin)
				.body();
			for (JsonNode line : lines) {
				if (line.path("actorId").asString().equals(actor.id().toString())) {
					return true;
				}
			}
			return false;
		});
	}

}
