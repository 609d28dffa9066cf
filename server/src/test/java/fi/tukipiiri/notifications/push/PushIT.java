package fi.tukipiiri.notifications.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.notifications.NoticeKind;
import fi.tukipiiri.notifications.NotificationService;
import fi.tukipiiri.notifications.push.PushOutcome.Result;
import fi.tukipiiri.support.ApiClient;
import fi.tukipiiri.support.ApiClient.Response;
import fi.tukipiiri.support.ApiClient.Session;
import fi.tukipiiri.support.IntegrationTest;

/**
 * Web Push end to end against a push service of the test's own on 127.0.0.1, playing the
 * browser's part as well: it holds a P-256 key pair and an authentication secret,
 * subscribes through the REST API, and its push service checks what the server sends as a
 * browser's push service would: the VAPID token (RFC 8292: ES256 signature by the public
 * key the server publishes, {@code aud} the endpoint's origin, {@code exp} within 24
 * hours, a contact {@code sub}), the RFC 8030 headers, and decrypts the {@code aes128gcm}
 * body (RFC 8188, RFC 8291) back to the message. Then the push service's answers: 410
 * removes the subscription, 503 and a hung service are "retry later" and keep it. Every
 * refusal of the subscription API has its code.
 */
@IntegrationTest
class PushIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

	@Autowired
	ApiClient api;

	@Autowired
	PushSender sender;

	@Autowired
	NotificationService notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationServerKeys keys;

	@Autowired
	PushSubscriptions subscriptions;

	@Autowired
	PushEndpoints endpoints;

	@Autowired
	PushSettings settings;

	@Autowired
	Clock clock;

	private PushService pushService;

	@BeforeEach
	void startPushService() throws IOException {
		pushService = new PushService();
	}

	@AfterEach
	void stopPushService() {
		pushService.stop();
	}

	@Test
	void aMessageReachesTheBrowserSignedEncryptedAndDecryptable() throws Exception {
		Session aino = api.registerParent("Puhelinvanhempi");
		Browser phone = new Browser();
		String endpoint = pushService.endpoint();

		String publicKey = api.get("/api/push/public-key", aino.accessToken()).text("publicKey");
		assertThat(Base64.getUrlDecoder().decode(publicKey)).hasSize(65).startsWith((byte) 0x04);

		Response subscribed = subscribe(aino, endpoint, phone.p256dh(), phone.auth());
		assertThat(subscribed.status()).isEqualTo(201);
		assertThat(subscribed.text("deviceLabel")).as("coarse: browser and platform, no versions or model")
			.isEqualTo("Chrome, Android");
		assertThat(subscribed.text("pushService")).isEqualTo("127.0.0.1");
		assertThat(subscribed.body().path("lastDeliveredAt").isNull()).isTrue();
		assertThat(subscribe(aino, endpoint, phone.p256dh(), phone.auth()).status())
			.as("subscribing the same browser again changes nothing")
			.isEqualTo(200);
		assertThat(api.get("/api/me/push-subscriptions", aino.accessToken()).body()).hasSize(1);

		PushMessage message = new PushMessage("Tukipiiri", "Sinulle on uusi ilmoitus.", "/#/notifications",
				"notice-" + UUID.randomUUID());
		Instant sentAt = Instant.now();
		List<PushOutcome> outcomes = sender.send(aino.id(), message);

		assertThat(outcomes).singleElement().satisfies(outcome -> {
			assertThat(outcome.result()).isEqualTo(Result.DELIVERED);
			assertThat(outcome.status()).isEqualTo(201);
			assertThat(outcome.subscriptionId()).isEqualTo(UUID.fromString(subscribed.text("id")));
		});
		Received received = pushService.take();
		assertThat(received.path()).isEqualTo(URI.create(endpoint).getPath());
		assertThat(received.headers().getFirst("Content-Encoding")).isEqualTo("aes128gcm");
		assertThat(received.headers().getFirst("TTL")).isEqualTo("86400");
		assertThat(received.headers().getFirst("Urgency")).isEqualTo("normal");
		assertThat(received.headers().getFirst("Topic")).as("RFC 8030 5.4: 32 base64url characters, not the tag")
			.matches("[A-Za-z0-9_-]{32}")
			.isEqualTo(PushSender.topicOf(message.tag()));

		JsonNode claims = verifiedVapidClaims(received.headers().getFirst("Authorization"), publicKey);
		assertThat(claims.path("aud").asString()).isEqualTo(pushService.origin());
		long exp = claims.path("exp").asLong();
		assertThat(exp).isGreaterThan(sentAt.getEpochSecond())
			.isLessThanOrEqualTo(Instant.now().plus(Duration.ofHours(24)).getEpochSecond());
		assertThat(claims.path("sub").asString()).startsWith("mailto:");

		JsonNode payload = JSON.readTree(phone.decrypt(received.body()));
		assertThat(payload.path("title").asString()).isEqualTo("Tukipiiri");
		assertThat(payload.path("body").asString()).isEqualTo("Sinulle on uusi ilmoitus.");
		assertThat(payload.path("url").asString()).isEqualTo("/#/notifications");
		assertThat(payload.path("tag").asString()).isEqualTo(message.tag());

		JsonNode listed = api.get("/api/me/push-subscriptions", aino.accessToken()).body();
		assertThat(listed.get(0).path("lastDeliveredAt").isNull()).as("delivery is recorded").isFalse();

		pushService.answer(503);
		assertThat(sender.send(aino.id(), message)).singleElement().satisfies(outcome -> {
			assertThat(outcome.result()).isEqualTo(Result.RETRY_LATER);
			assertThat(outcome.status()).isEqualTo(503);
			assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(120));
		});
		pushService.take();
		assertThat(api.get("/api/me/push-subscriptions", aino.accessToken()).body()).as("kept for the retry")
			.hasSize(1);

		pushService.answer(410);
		assertThat(sender.send(aino.id(), message)).singleElement()
			.satisfies(outcome -> assertThat(outcome.result()).isEqualTo(Result.GONE));
		pushService.take();
		assertThat(api.get("/api/me/push-subscriptions", aino.accessToken()).body()).as("an expired subscription")
			.isEmpty();
		assertThat(sender.send(aino.id(), message)).as("nothing left to send to").isEmpty();
	}

	@Test
	void aNoticeLeavesThroughTheOutboxInDiscreetWordsToEveryDevice() throws Exception {
		Session aino = api.registerParent("Puhelinvanhempi");
		Browser phone = new Browser();
		assertThat(subscribe(aino, pushService.endpoint(), phone.p256dh(), phone.auth()).status()).isEqualTo(201);
		UUID room = UUID.randomUUID();
		notifications.notify(aino.id(), NoticeKind.REPORT_HANDLED, UUID.randomUUID(),
				Map.of("roomTitle", "Isien ilta", "roomId", room.toString()));

		JsonNode payload = JSON.readTree(phone.decrypt(pushService.take().body()));
		assertThat(payload.path("title").asString()).isEqualTo("Tukipiiri: ilmoituksesi on käsitelty");
		assertThat(payload.path("body").asString())
			.isEqualTo("Ohjaaja on käsitellyt ilmoituksesi. Kiitos, että kerroit.")
			.doesNotContain("Isien");
		assertThat(payload.path("url").asString()).as("where the bell's notice leads").isEqualTo("/#/home");
		assertThat(payload.path("tag").asString()).isEqualTo("report.handled");
		await().atMost(5, TimeUnit.SECONDS)
			.until(() -> jdbc.sql("select count(*) from notice_outbox where account_id = :a and sent_at is not null")
				.param("a", aino.id())
				.query(Integer.class)
				.single() == 1);
	}

	@Test
	void aPushServiceThatDoesNotAnswerIsRetryLaterWithinTheTimeout() throws Exception {
		Session bertta = api.registerParent("Tablettivanhempi");
		Browser phone = new Browser();
		assertThat(subscribe(bertta, pushService.endpoint(), phone.p256dh(), phone.auth()).status()).isEqualTo(201);
		PushSettings impatient = new PushSettings(null, null, null, true, settings.allowedHosts(),
				settings.plainHttpHosts(), 10, Duration.ofDays(1), Duration.ofMillis(500), Duration.ofMillis(700));
		PushSender quick = new PushSender(keys, subscriptions, endpoints, impatient, JSON, clock);
		pushService.hang();

		long started = System.nanoTime();
		List<PushOutcome> outcomes = quick.send(bertta.id(),
				new PushMessage("Tukipiiri", "", "/", "hung-" + UUID.randomUUID()));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(outcomes).singleElement().satisfies(outcome -> {
			assertThat(outcome.result()).isEqualTo(Result.RETRY_LATER);
			assertThat(outcome.status()).isZero();
		});
		assertThat(api.get("/api/me/push-subscriptions", bertta.accessToken()).body()).hasSize(1);
	}

	@Test
	void refusalsHaveTheirCodes() throws Exception {
		Session aino = api.registerParent("Puhelinvanhempi");
		Session other = api.registerParent("Kannettavavanhempi");
		Browser phone = new Browser();
		String p256dh = phone.p256dh();
		String auth = phone.auth();

		for (String endpoint : List.of("http://fcm.googleapis.com/fcm/send/abc", "https://evil.example/push",
				"https://169.254.169.254/latest/meta-data", "https://user@fcm.googleapis.com/fcm/send/abc",
				"https://fcm.googleapis.com.evil.example/fcm/send/abc", "ftp://127.0.0.1/push", "/relative/push",
				"https://notify.windows.com/w/?token=abc", "http://localhost/push",
				"https://fcm.googleapis.com:8443/fcm/send/abc", "https://FCM.googleapis.com/fcm/send/abc")) {
			assertRefused(subscribe(aino, endpoint, p256dh, auth), 400, "push.endpoint_not_allowed");
		}
		assertThat(endpoints.allowed("https://fcm.googleapis.com/fcm/send/abc")).isTrue();
		assertThat(endpoints.allowed("https://wns2-par02p.notify.windows.com/w/?token=abc")).isTrue();
		assertThat(endpoints.allowed("https://web.push.apple.com/QGx")).isTrue();
		assertThat(endpoints.allowed("https://updates.push.services.mozilla.com/wpush/v2/gAAA")).isTrue();

		String endpoint = pushService.endpoint();
		byte[] point = Base64.getUrlDecoder().decode(p256dh);
		String shortPoint = base64url(Arrays.copyOf(point, 64));
		byte[] offCurve = point.clone();
		offCurve[64] ^= 1;
		byte[] compressed = point.clone();
		compressed[0] = 0x02;
		for (List<String> keysGiven : List.of(List.of(shortPoint, auth), List.of(base64url(offCurve), auth),
				List.of(base64url(compressed), auth), List.of(p256dh, base64url(new byte[15])),
				List.of(p256dh, base64url(new byte[17])), List.of(p256dh, "not+base64/url"), List.of("%%%", auth))) {
			assertRefused(subscribe(aino, endpoint, keysGiven.get(0), keysGiven.get(1)), 400, "push.invalid_keys");
		}
		assertRefused(api.post("/api/me/push-subscriptions", Map.of("endpoint", endpoint), aino.accessToken()), 400,
				"validation.failed");
		assertThat(api.get("/api/me/push-subscriptions", aino.accessToken()).body()).isEmpty();

		Session guest = api.guest("Vieras Ville");
		assertRefused(subscribe(guest, endpoint, p256dh, auth), 403, "push.guest");

		Response ainos = subscribe(aino, endpoint, p256dh, auth);
		assertThat(ainos.status()).isEqualTo(201);
		String ainosId = ainos.text("id");
		assertRefused(api.delete("/api/me/push-subscriptions/" + ainosId, other.accessToken()), 404,
				"push.subscription_not_found");
		assertRefused(api.delete("/api/me/push-subscriptions?endpoint=" + encoded(endpoint), other.accessToken()), 404,
				"push.subscription_not_found");
		assertThat(api.get("/api/me/push-subscriptions", other.accessToken()).body()).as("nobody else's devices")
			.isEmpty();
		assertThat(api.get("/api/me/push-subscriptions", aino.accessToken()).body()).hasSize(1);

		for (int i = 1; i < settings.maxDevicesPerAccount(); i++) {
			assertThat(subscribe(aino, pushService.endpoint(), p256dh, auth).status()).isEqualTo(201);
		}
		Response tooMany = subscribe(aino, pushService.endpoint(), p256dh, auth);
		assertRefused(tooMany, 409, "push.too_many_devices");
		assertThat(tooMany.body().path("maxDevices").asInt()).isEqualTo(10);
		assertThat(subscribe(aino, endpoint, p256dh, auth).status()).as("a device already there is still taken")
			.isEqualTo(200);

		assertThat(api.delete("/api/me/push-subscriptions/" + ainosId, aino.accessToken()).status()).isEqualTo(204);
		assertRefused(api.delete("/api/me/push-subscriptions/" + ainosId, aino.accessToken()), 404,
				"push.subscription_not_found");
		assertThat(subscribe(aino, pushService.endpoint(), p256dh, auth).status()).as("a place freed").isEqualTo(201);
	}

	@Test
	void aBrowserSubscribedBySomeoneElseMovesToThemAndDevicesGoWithTheAccount() throws Exception {
		Session aino = api.registerParent("Puhelinvanhempi");
		Session bertta = api.registerParent("Tablettivanhempi");
		Browser sharedPhone = new Browser();
		String endpoint = pushService.endpoint();
		assertThat(subscribe(aino, endpoint, sharedPhone.p256dh(), sharedPhone.auth()).status()).isEqualTo(201);
		Browser laptop = new Browser();
		assertThat(subscribe(aino, pushService.endpoint(), laptop.p256dh(), laptop.auth()).status()).isEqualTo(201);

		assertThat(subscribe(bertta, endpoint, sharedPhone.p256dh(), sharedPhone.auth()).status())
			.as("the shared phone now belongs to the person signed in on it")
			.isEqualTo(201);
		assertThat(api.get("/api/me/push-subscriptions", aino.accessToken()).body()).hasSize(1);
		assertThat(api.get("/api/me/push-subscriptions", bertta.accessToken()).body()).hasSize(1);
		assertThat(sender.send(aino.id(), new PushMessage("Tukipiiri", "", "/", "t"))).singleElement()
			.satisfies(outcome -> assertThat(outcome.result()).isEqualTo(Result.DELIVERED));
		assertThat(pushService.take().path()).as("Aino's message went to her laptop only")
			.isNotEqualTo(URI.create(endpoint).getPath());

		JsonNode export = api.get("/api/me/export", aino.accessToken()).body().path("pushSubscriptions");
		assertThat(export).hasSize(1);
		assertThat(export.get(0).path("pushService").asString()).isEqualTo("127.0.0.1");
		assertThat(export.get(0).has("deviceLabel")).isTrue();
		assertThat(export.toString()).as("no endpoint or keys in the export")
			.doesNotContain(laptop.p256dh())
			.doesNotContain(laptop.auth())
			.doesNotContain("/push/");

		assertThat(
				api.delete("/api/me/push-subscriptions?endpoint=" + encoded(endpoint), bertta.accessToken()).status())
			.isEqualTo(204);
		assertThat(api.get("/api/me/push-subscriptions", bertta.accessToken()).body()).isEmpty();

		assertThat(
				api.post("/api/me/erasure", Map.of("password", "correct horse battery"), aino.accessToken()).status())
			.isEqualTo(204);
		assertThat(jdbc.sql("select count(*) from push_subscriptions where account_id = :id")
			.param("id", aino.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theServiceWorkerIsServedFromTheRootAsJavaScript() throws Exception {
		HttpResponse<String> worker = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/push-worker.js")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(worker.statusCode()).isEqualTo(200);
		assertThat(worker.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).matches("(text|application)/javascript(;.*)?"));
		assertThat(worker.headers().firstValue("Cache-Control")).as("asked about again, so an update reaches browsers")
			.hasValueSatisfying(cache -> assertThat(cache).contains("no-cache"));
		assertThat(worker.body()).contains("pushsubscriptionchange").contains("notificationclick");
	}

	private Response subscribe(Session person, String endpoint, String p256dh, String auth)
			throws IOException, InterruptedException {
		String body = JSON.writeValueAsString(
				Map.of("endpoint", endpoint, "expirationTime", "null", "keys", Map.of("p256dh", p256dh, "auth", auth)));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/me/push-subscriptions"))
				.header("Authorization", "Bearer " + person.accessToken())
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("User-Agent", ANDROID_CHROME)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
		return new Response(response.statusCode(), json, response);
	}

	private static void assertRefused(Response response, int status, String code) {
		assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
		assertThat(response.code()).isEqualTo(code);
	}

	private static String encoded(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Checks {@code Authorization: vapid t=<JWT>, k=<key>} (RFC 8292 section 3): the key
	 * is the server's public key, the JWT an ES256 signature by it; returns the claims.
	 */
	private static JsonNode verifiedVapidClaims(String authorization, String serverKey) throws Exception {
		assertThat(authorization).startsWith("vapid ");
		String token = null;
		String key = null;
		for (String parameter : authorization.substring("vapid ".length()).split(",")) {
			String[] pair = parameter.trim().split("=", 2);
			if (pair[0].equals("t")) {
				token = pair[1];
			}
			else if (pair[0].equals("k")) {
				key = pair[1];
			}
		}
		assertThat(key).isEqualTo(serverKey);
		String[] parts = token.split("\\.");
		assertThat(parts).hasSize(3);
		JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
		assertThat(header.path("alg").asString()).isEqualTo("ES256");
		Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
		es256.initVerify(publicKeyOf(Base64.getUrlDecoder().decode(key)));
		es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(es256.verify(Base64.getUrlDecoder().decode(parts[2]))).as("ES256 signature").isTrue();
		return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
	}

	private static ECPublicKey publicKeyOf(byte[] uncompressed) throws GeneralSecurityException {
		AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
		parameters.init(new ECGenParameterSpec("secp256r1"));
		ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
	}

	private static byte[] uncompressed(ECPublicKey key) {
		byte[] point = new byte[65];
		point[0] = 0x04;
		copyUnsigned(key.getW().getAffineX(), point, 1);
		copyUnsigned(key.getW().getAffineY(), point, 33);
		return point;
	}

	private static void copyUnsigned(BigInteger value, byte[] into, int offset) {
		byte[] bytes = value.toByteArray();
		int start = bytes.length > 32 ? bytes.length - 32 : 0;
		int length = bytes.length - start;
		System.arraycopy(bytes, start, into, offset + 32 - length, length);
	}

	private static String base64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] hmac(byte[] key, byte[]... data) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		for (byte[] part : data) {
			mac.update(part);
		}
		return mac.doFinal();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/** The user agent's side of RFC 8291: its key pair and authentication secret. */
	private static final class Browser {

		private final KeyPair keys;

		private final byte[] authSecret = new byte[16];

		Browser() throws GeneralSecurityException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keys = generator.generateKeyPair();
			new SecureRandom().nextBytes(authSecret);
		}

		String p256dh() {
			return base64url(uncompressed((ECPublicKey) keys.getPublic()));
		}

		String auth() {
			return base64url(authSecret);
		}

		/**
		 * RFC 8188 section 2 (header: salt, record size, key id = the sender's public
		 * key) with RFC 8291 section 3.3-3.4 keys: IKM = HKDF(auth secret, ECDH secret,
		 * "WebPush: info" 0x00 ua_public as_public, 32), then CEK and NONCE from
		 * HKDF(salt, IKM).
		 */
		byte[] decrypt(byte[] body) throws GeneralSecurityException {
			ByteBuffer in = ByteBuffer.wrap(body);
			byte[] salt = new byte[16];
			in.get(salt);
			int recordSize = in.getInt();
			assertThat(recordSize).isGreaterThanOrEqualTo(18);
			byte[] senderKey = new byte[in.get() & 0xff];
			assertThat(senderKey).as("RFC 8291 3.4: the key id is the sender's P-256 key").hasSize(65);
			in.get(senderKey);
			byte[] ciphertext = new byte[in.remaining()];
			in.get(ciphertext);
			assertThat(ciphertext.length).as("one record").isLessThanOrEqualTo(recordSize);

			KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
			ecdh.init(keys.getPrivate());
			ecdh.doPhase(publicKeyOf(senderKey), true);
			byte[] sharedSecret = ecdh.generateSecret();

			byte[] prkKey = hmac(authSecret, sharedSecret);
			byte[] ikm = hmac(prkKey, bytes("WebPush: info"), new byte[] { 0 },
					uncompressed((ECPublicKey) keys.getPublic()), senderKey, new byte[] { 1 });
			byte[] prk = hmac(salt, ikm);
			byte[] cek = Arrays.copyOf(hmac(prk, bytes("Content-Encoding: aes128gcm"), new byte[] { 0, 1 }), 16);
			byte[] nonce = Arrays.copyOf(hmac(prk, bytes("Content-Encoding: nonce"), new byte[] { 0, 1 }), 12);

			Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
			aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
			byte[] padded = aes.doFinal(ciphertext);
			int end = padded.length - 1;
			while (end >= 0 && padded[end] == 0) {
				end--;
			}
			assertThat(padded[end]).as("RFC 8188 2: the last record's delimiter").isEqualTo((byte) 2);
			return Arrays.copyOf(padded, end);
		}

	}

	record Received(String path, Headers headers, byte[] body) {
	}

	/** A push service on 127.0.0.1 that keeps what it receives and answers as told. */
	private static final class PushService {

		private final HttpServer server;

		private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

		private final AtomicInteger status = new AtomicInteger(201);

		private final CountDownLatch released = new CountDownLatch(1);

		private volatile boolean hanging;

		PushService() throws IOException {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
			server.createContext("/push/", exchange -> {
				byte[] body = exchange.getRequestBody().readAllBytes();
				received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
				if (hanging) {
					try {
						released.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				if (status.get() == 503) {
					exchange.getResponseHeaders().set("Retry-After", "120");
				}
				exchange.sendResponseHeaders(status.get(), -1);
				exchange.close();
			});
			server.start();
		}

		String origin() {
			return "http://127.0.0.1:" + server.getAddress().getPort();
		}

		/** A fresh endpoint, as a push service gives each subscription its own. */
		String endpoint() {
			return origin() + "/push/" + UUID.randomUUID();
		}

		void answer(int code) {
			status.set(code);
		}

		void hang() {
			hanging = true;
		}

		Received take() throws InterruptedException {
			Received next = received.poll(10, TimeUnit.SECONDS);
			assertThat(next).as("the push service received a message").isNotNull();
			return next;
		}

		void stop() {
			released.countDown();
			server.stop(0);
		}

	}

}
