package fi.tukipiiri.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.WebSocketHttpHeaders;

import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.BareStompConnect;
import fi.tukipiiri.support.CommitRefusal;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;
import fi.tukipiiri.support.StompTestClient;

import static fi.tukipiiri.support.StompTestClient.next;
import static fi.tukipiiri.support.StompTestClient.nothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ChatIT {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SimpleBrokerMessageHandler broker;

	@Test
	void aMessageReachesEveryMemberWithItsSeqAndAuthor() {
		UUID room = api.createRoom("Eron tuomat muutokset", "OPEN");
		Session anna = api.registerParent("Anna");
		Session matti = api.registerParent("Matti");
		Session liisa = api.guest("Liisa");
		try (var a = connect(anna); var m = connect(matti); var l = connect(liisa)) {
			var acks = a.subscribe("/user/queue/acks");
			var toAnna = a.subscribe("/topic/rooms/" + room);
			var toMatti = m.subscribe("/topic/rooms/" + room);
			var toLiisa = l.subscribe("/topic/rooms/" + room);
			api.awaitPresence(room, anna, 3);

			a.sendMessage(room, "c-1", "  Hei kaikki!\nMiten teillä menee?  ");

			JsonNode ack = next(acks, "ack");
			assertThat(ack.path("clientId").asString()).isEqualTo("c-1");
			assertThat(ack.path("seq").asLong()).isEqualTo(1);
			for (var inbox : List.of(toAnna, toMatti, toLiisa)) {
				JsonNode event = next(inbox, "message event");
				assertThat(event.path("type").asString()).isEqualTo("message");
				assertThat(event.path("seq").asLong()).isEqualTo(1);
				assertThat(event.path("body").asString()).isEqualTo("Hei kaikki!\nMiten teillä menee?");
				assertThat(event.path("authorDisplayName").asString()).isEqualTo("Anna");
				assertThat(event.path("authorId").asString()).isEqualTo(anna.id().toString());
				assertThat(event.path("authorRole").asString()).isEqualTo("PARTICIPANT");
				assertThat(event.path("id").asString()).isEqualTo(ack.path("messageId").asString());
				assertThat(event.toString()).doesNotContain("username");
			}
		}
	}

	/**
	 * The receipt is what clients wait for before reading what they missed: it must come
	 * only once the broker delivers to the subscription, and also for a refused one.
	 */
	@Test
	void aRoomSubscriptionsReceiptComesOnceTheBrokerHoldsItAndAlsoWhenRefused() {
		UUID room = api.createRoom("Kuittaus", "OPEN");
		UUID closed = api.createRoom("Suljettu kuittaus", "CLOSED");
		Session anna = api.registerParent("Anna kuittaa");
		try (var a = connect(anna)) {
			var errors = a.subscribe("/user/queue/errors");
			for (int i = 0; i < 20; i++) {
				String destination = "/topic/rooms/" + room + (i % 2 == 0 ? "" : "/presence");
				// returns on the RECEIPT; the registry is read at once, with no waiting
				a.subscribe(destination);
				var held = broker.getSubscriptionRegistry()
					.findSubscriptions(MessageBuilder.withPayload(new byte[0])
						.setHeader(SimpMessageHeaderAccessor.DESTINATION_HEADER, destination)
						.setHeader(SimpMessageHeaderAccessor.MESSAGE_TYPE_HEADER, SimpMessageType.MESSAGE)
						.build());
				assertThat(held.values().stream().mapToInt(List::size).sum())
					.as("subscription %d held by the broker when its receipt came", i)
					.isEqualTo(i / 2 + 1);
			}
			a.subscribe("/topic/rooms/" + closed);
			assertThat(next(errors, "the refusal beside its receipt").path("code").asString())
				.isEqualTo("rooms.not_member");
		}
	}

	/**
	 * STOMP 1.2 requires a SUBSCRIBE's id: one without it is refused before anything
	 * reads it, and its receipt still comes; a user queue's receipt comes too.
	 */
	@Test
	void aSubscribeWithoutItsIdIsRefusedAndEveryReceiptComes(CapturedOutput output) throws Exception {
		UUID room = api.createRoom("Ilman tunnusta", "OPEN");
		Session anna = api.registerParent("Anna ilman tunnusta");
		List<String> frames = BareStompConnect.connectThenCollect(api.baseUrl(), anna.accessToken(),
				List.of("SUBSCRIBE\nid:e\ndestination:/user/queue/errors\nreceipt:r-errors\n\n\u0000",
						"SUBSCRIBE\ndestination:/topic/rooms/" + room + "\nreceipt:r-room\n\n\u0000"),
				3);
		assertThat(frames).hasSize(3);
		assertThat(frames.get(0)).startsWith("RECEIPT\n").contains("receipt-id:r-errors\n");
		assertThat(frames.subList(1, 3))
			.anySatisfy(frame -> assertThat(frame).startsWith("RECEIPT\n").contains("receipt-id:r-room\n"))
			.anySatisfy(frame -> assertThat(frame).startsWith("MESSAGE\n").contains("\"request.malformed\""));
		assertThat(output.getOut()).doesNotContain("NullPointerException").doesNotContain(" ERROR ");
	}

	@Test
	void theAckArrivesOnlyOnceTheMessageIsCommitted() {
		UUID room = api.createRoom("Commit", "OPEN");
		Session anna = api.registerParent("Anna");
		api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		try (var a = connect(anna)) {
			var acks = a.subscribe("/user/queue/acks");
			for (int i = 1; i <= 5; i++) {
				a.sendMessage(room, "commit-" + i, "viesti " + i);
				JsonNode ack = next(acks, "ack " + i);
				long seq = ack.path("seq").asLong();
				// read on another connection, right when the ack arrives: the row must
				// already be visible
				assertThat(jdbc.sql("select body from messages where room_id = :room and seq = :seq")
					.param("room", room)
					.param("seq", seq)
					.query(String.class)
					.single()).isEqualTo("viesti " + i);
			}
		}
	}

	@Test
	void aMessageWhoseCommitFailsIsNeverAcknowledged() {
		UUID room = api.createRoom("Commit fails", "OPEN");
		Session anna = api.registerParent("Anna");
		api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		// a deferred check fails only at COMMIT: an ack sent before the commit would
		// still go out
		try (var refusal = CommitRefusal.of(jdbc, "refused at commit"); var a = connect(anna)) {
			var acks = a.subscribe("/user/queue/acks");
			var errors = a.subscribe("/user/queue/errors");
			a.sendMessage(room, "doomed", "refused at commit");
			JsonNode error = next(errors, "the failed commit's error");
			assertThat(error.path("code").asString()).isEqualTo("server.error");
			assertThat(error.path("clientId").asString()).isEqualTo("doomed");
			nothing(acks, 500);
			a.sendMessage(room, "fine", "this one commits");
			assertThat(next(acks, "the next message's ack").path("seq").asLong()).isEqualTo(1);
		}
		assertThat(count(room)).isEqualTo(1);
	}

	@Test
	void resendingTheSameClientIdStoresNothingTwice() {
		UUID room = api.createRoom("Idempotent", "OPEN");
		Session anna = api.registerParent("Anna");
		Session matti = api.registerParent("Matti");
		try (var a = connect(anna); var m = connect(matti)) {
			var acks = a.subscribe("/user/queue/acks");
			a.subscribe("/topic/rooms/" + room);
			var toMatti = m.subscribe("/topic/rooms/" + room);
			api.awaitPresence(room, anna, 2);

			a.sendMessage(room, "same-id", "Vain kerran");
			a.sendMessage(room, "same-id", "Vain kerran");
			JsonNode first = next(acks, "first ack");
			JsonNode second = next(acks, "second ack");

			assertThat(second.path("seq").asLong()).isEqualTo(first.path("seq").asLong());
			assertThat(second.path("messageId").asString()).isEqualTo(first.path("messageId").asString());
			assertThat(count(room)).isEqualTo(1);
			next(toMatti, "the one delivery");
			nothing(toMatti, 500);
		}
	}

	@Test
	void nonMembersCanNeitherFollowNorWriteInAClosedGroup() {
		UUID room = api.createRoom("Minä, tunteet ja taidot", "CLOSED");
		Session member = api.registerParent("Jäsen");
		Session outsider = api.registerParent("Ulkopuolinen");
		api.addMember(room, member.id(), "PARTICIPANT");
		try (var in = connect(member); var out = connect(outsider)) {
			var outErrors = out.subscribe("/user/queue/errors");
			var outTopic = out.subscribe("/topic/rooms/" + room);
			JsonNode refused = next(outErrors, "subscribe refusal");
			assertThat(refused.path("code").asString()).isEqualTo("rooms.not_member");
			assertThat(refused.path("roomId").asString()).isEqualTo(room.toString());

			out.sendMessage(room, "sneak", "Saanko tulla?");
			JsonNode sendRefused = next(outErrors, "send refusal");
			assertThat(sendRefused.path("code").asString()).isEqualTo("rooms.not_member");
			assertThat(sendRefused.path("clientId").asString()).isEqualTo("sneak");

			var inAcks = in.subscribe("/user/queue/acks");
			var inTopic = in.subscribe("/topic/rooms/" + room);
			in.sendMessage(room, "member-1", "Luottamuksellista");
			next(inAcks, "member's ack");
			assertThat(next(inTopic, "delivery to the member").path("body").asString()).isEqualTo("Luottamuksellista");
			nothing(outTopic, 700);
			assertThat(out.isConnected()).isTrue();
		}
		assertThat(count(room)).isEqualTo(1);
		var history = api.get("/api/rooms/" + room + "/messages", outsider.accessToken());
		assertThat(history.status()).isEqualTo(403);
		assertThat(history.code()).isEqualTo("rooms.not_member");
		assertThat(api.get("/api/rooms/" + room + "/members", outsider.accessToken()).status()).isEqualTo(403);
		assertThat(api.get("/api/rooms", outsider.accessToken()).body().toString()).doesNotContain(room.toString());
	}

	/**
	 * A parent cannot tell a room that does not exist from a closed room they are not in:
	 * every way in answers both alike.
	 */
	@Test
	void anUnknownRoomAnswersExactlyAsAClosedRoomOneIsNotIn() {
		UUID closed = api.createRoom("Suljettu ryhmä", "CLOSED");
		UUID unknown = UUID.randomUUID();
		Session outsider = api.registerParent("Utelias");
		for (String path : List.of("", "/messages", "/presence", "/members")) {
			var toClosed = api.get("/api/rooms/" + closed + path, outsider.accessToken());
			var toUnknown = api.get("/api/rooms/" + unknown + path, outsider.accessToken());
			assertThat(toUnknown.status()).as("GET " + path).isEqualTo(toClosed.status()).isEqualTo(403);
			assertThat(toUnknown.code()).as("GET " + path).isEqualTo(toClosed.code()).isEqualTo("rooms.not_member");
		}
		var joinClosed = api.post("/api/rooms/" + closed + "/join", Map.of(), outsider.accessToken());
		var joinUnknown = api.post("/api/rooms/" + unknown + "/join", Map.of(), outsider.accessToken());
		assertThat(joinUnknown.code()).isEqualTo(joinClosed.code()).isEqualTo("rooms.not_member");
		try (var client = connect(outsider)) {
			var errors = client.subscribe("/user/queue/errors");
			for (UUID room : List.of(closed, unknown)) {
				client.sendMessage(room, "probe", "Onko täällä joku?");
				assertThat(next(errors, "send to " + room).path("code").asString()).isEqualTo("rooms.not_member");
				client.subscribe("/topic/rooms/" + room);
				assertThat(next(errors, "subscribe to " + room).path("code").asString()).isEqualTo("rooms.not_member");
			}
		}
	}

	@Test
	void guestsMayJoinOpenChatsButNotClosedGroups() {
		UUID open = api.createRoom("Avoin", "OPEN");
		UUID closed = api.createRoom("Suljettu", "CLOSED");
		Session guest = api.guest("Vierailija");
		assertThat(api.post("/api/rooms/" + open + "/join", Map.of(), guest.accessToken()).status()).isEqualTo(200);
		var joinClosed = api.post("/api/rooms/" + closed + "/join", Map.of(), guest.accessToken());
		assertThat(joinClosed.status()).isEqualTo(403);
		assertThat(joinClosed.code()).isEqualTo("rooms.not_member");
		var add = api.addMember(closed, guest.id(), "PARTICIPANT");
		assertThat(add.status()).isEqualTo(409);
		assertThat(add.code()).isEqualTo("rooms.guest_not_allowed");

		try (var g = connect(guest)) {
			var errors = g.subscribe("/user/queue/errors");
			var acks = g.subscribe("/user/queue/acks");
			g.subscribe("/topic/rooms/" + closed);
			assertThat(next(errors, "closed refusal").path("code").asString()).isEqualTo("rooms.not_member");
			g.subscribe("/topic/rooms/" + open);
			g.sendMessage(open, "g-1", "Hei vain");
			assertThat(next(acks, "guest ack").path("seq").asLong()).isEqualTo(1);
		}
	}

	@Test
	void badMessagesAreRefusedWithCodesAndNothingIsStored() {
		UUID room = api.createRoom("Validation", "OPEN");
		Session anna = api.registerParent("Anna");
		api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		try (var a = connect(anna)) {
			var errors = a.subscribe("/user/queue/errors");
			a.sendMessage(room, "empty", " \n\t ");
			assertError(next(errors, "empty"), "message.empty", "empty");
			a.sendMessage(room, "long", "ä".repeat(4001));
			assertError(next(errors, "too long"), "message.too_long", "long");
			a.sendRaw("/app/rooms/" + room + "/messages", "{\"clientId\": \"broken\", \"body\": ");
			assertThat(next(errors, "bad json").path("code").asString()).isEqualTo("request.malformed");
			a.sendRaw("/app/rooms/" + room + "/messages", "{\"body\": \"no id\"}");
			assertThat(next(errors, "missing client id").path("code").asString())
				.isEqualTo("message.invalid_client_id");
			a.sendMessage(room, "x".repeat(65), "client id too long");
			assertThat(next(errors, "long client id").path("code").asString()).isEqualTo("message.invalid_client_id");
			a.sendRaw("/app/rooms/" + room + "/messages", "[1, 2, 3]");
			assertThat(next(errors, "wrong shape").path("code").asString()).isEqualTo("request.malformed");
			a.sendMessage(UUID.randomUUID(), "nowhere", "Onko täällä ketään?");
			assertError(next(errors, "unknown room"), "rooms.not_member", "nowhere");

			var acks = a.subscribe("/user/queue/acks");
			a.sendMessage(room, "exact", "ä".repeat(4000));
			// the longest frame a real client sends: 4,000 emoji (two UTF-16 units, four
			// bytes each), padding and a 64-character id
			a.sendMessage(room, "e".repeat(64), " \n" + "\uD83D\uDE0A".repeat(4000) + "\n\t ");
			a.sendMessage(room, "after", "ok");
			assertThat(next(acks, "the longest message's ack").path("clientId").asString()).isEqualTo("exact");
			assertThat(next(acks, "the longest frame's ack").path("clientId").asString()).isEqualTo("e".repeat(64));
			assertThat(next(acks, "ack after refusals").path("clientId").asString()).isEqualTo("after");
		}
		assertThat(count(room)).isEqualTo(3);
	}

	@Test
	void everyRoomDestinationRefusesAnEmptyFrameAndARoomThatIsNotAnIdAsMalformed() {
		UUID room = api.createRoom("Rikkinäiset kehykset", "OPEN");
		Session anna = api.registerParent("Anna");
		api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		try (var a = connect(anna)) {
			var errors = a.subscribe("/user/queue/errors");
			for (String action : List.of("messages", "moderation")) {
				for (String body : List.of("", "null", "\"teksti\"", "42")) {
					a.sendRaw("/app/rooms/" + room + "/" + action, body);
					JsonNode error = next(errors, action + " with the body <" + body + ">");
					assertThat(error.path("code").asString()).as(action + " <" + body + ">")
						.isEqualTo("request.malformed");
					assertThat(error.path("roomId").asString()).isEqualTo(room.toString());
				}
			}
			for (String action : List.of("messages", "moderation", "typing")) {
				for (String notARoom : List.of("not-a-room", "123", "%20")) {
					a.sendRaw("/app/rooms/" + notARoom + "/" + action,
							"{\"clientId\": \"x\", \"body\": \"hei\", \"action\": \"LOCK\"}");
					JsonNode error = next(errors, action + " in the room " + notARoom);
					assertThat(error.path("code").asString()).as(action + " " + notARoom)
						.isIn("request.malformed", "auth.forbidden");
					if (error.path("code").asString().equals("request.malformed")) {
						assertThat(error.path("message").asString()).as(action + " " + notARoom)
							.isEqualTo("The destination does not name a room by its id.");
					}
				}
			}
			// a subscription to such a destination is answered alike
			for (String notARoom : List.of("not-a-room", "123", room.toString().toUpperCase(Locale.ROOT))) {
				a.subscribe("/topic/rooms/" + notARoom);
				JsonNode error = next(errors, "subscribing to the room " + notARoom);
				assertThat(error.path("code").asString()).as(notARoom).isEqualTo("request.malformed");
				assertThat(error.path("message").asString())
					.isEqualTo("The destination does not name a room by its id.");
			}
			var acks = a.subscribe("/user/queue/acks");
			a.sendMessage(room, "after", "ok");
			next(acks, "ack after refusals");
		}
	}

	/**
	 * STOMP 1.2: a client opens with CONNECT; any other frame first is refused as
	 * unauthenticated, and nothing is stored.
	 */
	@Test
	void aFrameBeforeConnectIsRefusedAsUnauthenticated() throws Exception {
		UUID room = api.createRoom("Ennen yhteyttä", "OPEN");
		for (String frame : List.of(
				"SEND\ndestination:/app/rooms/" + room
						+ "/messages\ncontent-type:application/json\n\n{\"clientId\":\"a\",\"body\":\"hei\"}\u0000",
				"SUBSCRIBE\nid:1\ndestination:/topic/rooms/" + room + "\n\n\u0000",
				"DISCONNECT\nreceipt:1\n\n\u0000")) {
			BareStompConnect.Answer answer = BareStompConnect.sendFirst(api.baseUrl(), frame);
			assertThat(answer.firstFrame()).as(frame).startsWith("ERROR\n").contains("message:auth.unauthenticated\n");
			assertThat(answer.closeStatus()).as(frame).isEqualTo(1008);
		}
		assertThat(count(room)).isZero();
	}

	/**
	 * A frame that is not STOMP ends the connection with an ERROR frame naming only the
	 * code.
	 */
	@Test
	void aFrameThatIsNotStompIsAnsweredWithItsCodeOnly() throws Exception {
		Session anna = api.registerParent("Anna");
		for (String frame : List.of("HELLO\nreceipt:r-1\n\n\u0000",
				"SEND\ndestination:/app/rooms/\\q/messages\n\n{}\u0000",
				"SUBSCRIBE\nid:1\ndestination:/topic/a\nbad header line\n\n\u0000")) {
			BareStompConnect.Answer answer = BareStompConnect.connectThen(api.baseUrl(), anna.accessToken(), frame);
			assertThat(answer.firstFrame()).as(frame)
				.startsWith("ERROR\n")
				.contains("message:request.malformed\n")
				.doesNotContain("Exception")
				.doesNotContain("Channel")
				.doesNotContain("org.");
			assertThat(answer.closeStatus()).as(frame).isNotEqualTo(-1);
		}
	}

	@Test
	void aReadOnlyRoomRefusesNewMessages() {
		UUID room = api.createRoom("Päättynyt", "OPEN");
		Session anna = api.registerParent("Anna");
		api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		Session admin = api.login("root-admin", "test-admin-password");
		assertThat(api.put("/api/rooms/" + room + "/state", Map.of("state", "READ_ONLY"), admin.accessToken()).status())
			.isEqualTo(200);
		try (var a = connect(anna)) {
			var errors = a.subscribe("/user/queue/errors");
			a.sendMessage(room, "late", "Ehdinkö?");
			assertError(next(errors, "read-only refusal"), "rooms.read_only", "late");
		}
		assertThat(count(room)).isZero();
	}

	@Test
	void historyPagesForwardAndBackBySeq() {
		UUID room = api.createRoom("History", "OPEN");
		Session anna = api.registerParent("Anna");
		api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		sendAndAwait(anna, room, 25);

		var latest = api.get("/api/rooms/" + room + "/messages?limit=10", anna.accessToken());
		assertThat(seqs(latest.body().path("messages"))).containsExactly(16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L, 24L,
				25L);
		assertThat(latest.body().path("lastSeq").asLong()).isEqualTo(25);
		var earlier = api.get("/api/rooms/" + room + "/messages?beforeSeq=16&limit=10", anna.accessToken());
		assertThat(seqs(earlier.body().path("messages"))).containsExactly(6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
		var catchUp = api.get("/api/rooms/" + room + "/messages?afterSeq=20", anna.accessToken());
		assertThat(seqs(catchUp.body().path("messages"))).containsExactly(21L, 22L, 23L, 24L, 25L);
		assertThat(catchUp.body().path("messages").get(0).path("authorDisplayName").asString()).isEqualTo("Anna");

		var tooMany = api.get("/api/rooms/" + room + "/messages?limit=201", anna.accessToken());
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.code()).isEqualTo("validation.failed");
	}

	@Test
	void aClientThatDroppedItsConnectionCatchesUpWithoutLosingAnything() {
		UUID room = api.createRoom("Gap fill", "OPEN");
		Session anna = api.registerParent("Anna");
		Session matti = api.registerParent("Matti");
		api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
		api.post("/api/rooms/" + room + "/join", Map.of(), matti.accessToken());
		long lastSeen;
		var m = connect(matti);
		var toMatti = m.subscribe("/topic/rooms/" + room);
		api.awaitPresence(room, matti, 1);
		sendAndAwait(anna, room, 1);
		lastSeen = next(toMatti, "first message").path("seq").asLong();
		m.drop();

		sendAndAwait(anna, room, 3);

		try (var again = connect(matti)) {
			var live = again.subscribe("/topic/rooms/" + room);
			var missed = api.get("/api/rooms/" + room + "/messages?afterSeq=" + lastSeen, matti.accessToken());
			assertThat(seqs(missed.body().path("messages"))).containsExactly(2L, 3L, 4L);
			api.awaitPresence(room, matti, 1);
			sendAndAwait(anna, room, 1);
			assertThat(next(live, "live after reconnect").path("seq").asLong()).isEqualTo(5);
		}
	}

	@Test
	void concurrentSendersGetGapFreeSequenceNumbers() throws Exception {
		UUID room = api.createRoom("Busy", "OPEN");
		List<Thread> senders = new ArrayList<>();
		for (int s = 0; s < 4; s++) {
			Session sender = api.registerParent("Sender " + s);
			api.post("/api/rooms/" + room + "/join", Map.of(), sender.accessToken());
			Thread thread = new Thread(() -> sendAndAwait(sender, room, 25));
			thread.start();
			senders.add(thread);
		}
		for (Thread sender : senders) {
			sender.join(TimeUnit.SECONDS.toMillis(60));
		}
		List<Long> stored = jdbc.sql("select seq from messages where room_id = :room order by seq")
			.param("room", room)
			.query(Long.class)
			.list();
		assertThat(stored).hasSize(100);
		for (int i = 0; i < stored.size(); i++) {
			assertThat(stored.get(i)).isEqualTo(i + 1L);
		}
	}

	@Test
	void connectionsWithoutAValidTokenGetAnErrorFrameAndAreClosed() throws Exception {
		assertRefusedWithErrorFrame(null, "auth.unauthenticated");
		assertRefusedWithErrorFrame("not.a.token", "auth.invalid_token");
		Session anna = api.registerParent("Anna");
		api.post("/api/auth/logout", Map.of("refreshToken", anna.refreshToken()), anna.accessToken());
		assertRefusedWithErrorFrame(anna.accessToken(), "auth.invalid_token");
	}

	@Test
	void theHandshakeChecksTheOrigin() {
		Session matti = api.registerParent("Matti");
		WebSocketHttpHeaders foreign = new WebSocketHttpHeaders();
		foreign.setOrigin("https://evil.example");
		assertThatThrownBy(() -> StompTestClient.connect(api.baseUrl(), matti.accessToken(), foreign))
			.isInstanceOf(IllegalStateException.class)
			.hasStackTraceContaining("403");
		WebSocketHttpHeaders own = new WebSocketHttpHeaders();
		own.setOrigin(api.baseUrl());
		try (var ok = StompTestClient.connect(api.baseUrl(), matti.accessToken(), own)) {
			assertThat(ok.isConnected()).isTrue();
		}
	}

	@Test
	void clientsCannotPublishStraightToTheBroker() {
		UUID room = api.createRoom("Broker", "OPEN");
		Session anna = api.registerParent("Anna");
		Session matti = api.registerParent("Matti");
		try (var a = connect(anna); var m = connect(matti)) {
			var toMatti = m.subscribe("/topic/rooms/" + room);
			api.awaitPresence(room, matti, 1);
			a.send("/topic/rooms/" + room, Map.of("type", "message", "seq", 99, "body", "väärennetty"));
			nothing(toMatti, 700);
			// the forbidden frame is dropped; the connection goes on working for what is
			// allowed
			var acks = a.subscribe("/user/queue/acks");
			api.post("/api/rooms/" + room + "/join", Map.of(), anna.accessToken());
			a.sendMessage(room, "allowed", "Tämä on sallittu");
			assertThat(next(acks, "ack after a forbidden frame").path("seq").asLong()).isEqualTo(1);
			assertThat(next(toMatti, "the allowed message").path("body").asString()).isEqualTo("Tämä on sallittu");
		}
		assertThat(count(room)).isEqualTo(1);
	}

	private void assertRefusedWithErrorFrame(String token, String code) throws Exception {
		BareStompConnect.Answer answer = BareStompConnect.connect(api.baseUrl(), token);
		assertThat(answer.firstFrame()).startsWith("ERROR\n").contains("message:" + code);
		assertThat(answer.closeStatus()).isEqualTo(1008);
	}

	private StompTestClient connect(Session session) {
		return StompTestClient.connect(api.baseUrl(), session.accessToken());
	}

	/**
	 * Sends {@code count} messages as this person on a connection of its own and waits
	 * for every ack.
	 */
	private void sendAndAwait(Session sender, UUID room, int count) {
		try (var client = connect(sender)) {
			BlockingQueue<JsonNode> acks = client.subscribe("/user/queue/acks");
			for (int i = 0; i < count; i++) {
				client.sendMessage(room, UUID.randomUUID().toString(), "viesti " + i);
			}
			for (int i = 0; i < count; i++) {
				next(acks, "ack " + i);
			}
		}
	}

	private long count(UUID room) {
		return jdbc.sql("select count(*) from messages where room_id = :room")
			.param("room", room)
			.query(Long.class)
			.single();
	}

	private static void assertError(JsonNode error, String code, String clientId) {
		assertThat(error.path("code").asString()).isEqualTo(code);
		assertThat(error.path("clientId").asString()).isEqualTo(clientId);
		assertThat(error.path("message").asString()).isNotBlank();
	}

	private static List<Long> seqs(JsonNode messages) {
		List<Long> seqs = new ArrayList<>();
		messages.forEach(message -> seqs.add(message.path("seq").asLong()));
		return seqs;
	}

}
