package fi.tukipiiri.notifications.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.interaso.webpush.WebPush;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

import fi.tukipiiri.notifications.push.PushOutcome.Result;

/**
 * Sends a message to every browser subscription of an account (RFC 8030), encrypted for
 * each browser ({@code aes128gcm}, RFC 8188 and RFC 8291) and signed with the server's
 * VAPID key (RFC 8292). One attempt per subscription, all at once, each bounded by the
 * connect and request timeouts ({@code tukipiiri.push.connect-timeout},
 * {@code request-timeout}), so a hung push service holds no thread for long. Retrying is
 * the caller's: it gets each subscription's outcome.
 */
@Service
public class PushSender {

	private static final Logger log = LoggerFactory.getLogger(PushSender.class);

	/**
	 * RFC 8030 section 5.4: a topic is at most 32 characters of the base64url alphabet.
	 */
	static final int TOPIC_LENGTH = 32;

	/**
	 * RFC 8291 section 4: the plaintext of one record; leave room for the padding
	 * delimiter.
	 */
	static final int MAX_PAYLOAD_BYTES = 3993;

	private final ApplicationServerKeys keys;

	private final PushSubscriptions subscriptions;

	private final PushEndpoints endpoints;

	private final PushSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	PushSender(ApplicationServerKeys keys, PushSubscriptions subscriptions, PushEndpoints endpoints,
			PushSettings settings, JsonMapper json, Clock clock) {
		this.keys = keys;
		this.subscriptions = subscriptions;
		this.endpoints = endpoints;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends one message to every device of the account that has push on, waiting at most
	 * the connect plus the request timeout. The payload is the message as JSON
	 * ({@code {"title", "body", "url", "tag"}}); headers {@code TTL}
	 * ({@code tukipiiri.push.ttl}, one day by default), {@code Urgency: normal} and a
	 * {@code Topic} derived from the tag, so the push service keeps only the newest
	 * message of a tag for a device that is offline.
	 * <p>
	 * A subscription answered 404 or 410 is removed ({@link Result#GONE}); 429, 5xx, a
	 * timeout or a network failure are {@link Result#RETRY_LATER}, the subscription kept;
	 * another 4xx is {@link Result#REFUSED}. A 2xx sets the subscription's
	 * {@code last_delivered_at}.
	 * @param accountId whose devices
	 * @param message what to show; its JSON must fit one record (3,993 bytes)
	 * @return one outcome per subscription, in the order of their creation; empty when
	 * the account has none or push is off
	 * @throws IllegalArgumentException if the message is too large to send
	 */
	public List<PushOutcome> send(UUID accountId, PushMessage message) {
		Optional<WebPush> push = keys.webPush();
		if (push.isEmpty()) {
			return List.of();
		}
		byte[] payload = json.writeValueAsBytes(message);
		if (payload.length > MAX_PAYLOAD_BYTES) {
			throw new IllegalArgumentException("a push message must fit " + MAX_PAYLOAD_BYTES + " bytes as JSON");
		}
		String topic = topicOf(message.tag());
		List<PushSubscription> targets = subscriptions.of(accountId);
		List<CompletableFuture<PushOutcome>> sending = new ArrayList<>();
		for (PushSubscription target : targets) {
			sending.add(sendOne(push.get(), target, payload, topic));
		}
		List<PushOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			PushSubscription target = targets.get(i);
			PushOutcome outcome = sending.get(i).join();
			switch (outcome.result()) {
				case DELIVERED -> subscriptions.delivered(target.id(), clock.instant());
				case GONE -> subscriptions.deleteGone(target);
				default -> {
				}
			}
			outcomes.add(outcome);
		}
		return outcomes;
	}

	private CompletableFuture<PushOutcome> sendOne(WebPush push, PushSubscription target, byte[] payload,
			String topic) {
		if (!endpoints.allowed(target.endpoint())) {
			// the allow-list changed since it was stored
			log.warn("Web Push: subscription {} is at a push service no longer allowed; not sent", target.id());
			return CompletableFuture.completedFuture(new PushOutcome(target.id(), Result.REFUSED, 0, null));
		}
		HttpRequest request;
		try {
			byte[] body = push.getBody(payload, decode(target.p256dh()), decode(target.auth()));
			Map<String, String> headers = push.getHeaders(target.endpoint(), (int) settings.ttl().toSeconds(), topic,
					WebPush.Urgency.Normal);
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target.endpoint()))
				.timeout(settings.requestTimeout())
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			headers.forEach(builder::setHeader);
			request = builder.build();
		}
		catch (RuntimeException ex) {
			log.warn("Web Push: could not encrypt for subscription {}: {}", target.id(), ex.getClass().getSimpleName());
			return CompletableFuture.completedFuture(new PushOutcome(target.id(), Result.REFUSED, 0, null));
		}
		return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
			if (failure != null) {
				log.info("Web Push to {} failed: {}", PushEndpoints.hostOf(target.endpoint()),
						failure.getClass().getSimpleName());
				return new PushOutcome(target.id(), Result.RETRY_LATER, 0, null);
			}
			return outcome(target, response);
		});
	}

	private PushOutcome outcome(PushSubscription target, HttpResponse<Void> response) {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return new PushOutcome(target.id(), Result.DELIVERED, status, null);
		}
		if (status == 404 || status == 410) {
			return new PushOutcome(target.id(), Result.GONE, status, null);
		}
		if (status == 429 || status >= 500) {
			return new PushOutcome(target.id(), Result.RETRY_LATER, status,
					retryAfter(response.headers().firstValue("Retry-After")));
		}
		log.warn("Web Push to {} refused with {}", PushEndpoints.hostOf(target.endpoint()), status);
		return new PushOutcome(target.id(), Result.REFUSED, status, null);
	}

	/** RFC 9110 section 10.2.3: delay-seconds or an HTTP-date. */
	private Duration retryAfter(Optional<String> header) {
		if (header.isEmpty()) {
			return null;
		}
		String value = header.get().trim();
		if (value.matches("\\d{1,9}")) {
			return Duration.ofSeconds(Long.parseLong(value));
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(clock.instant(), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The {@code Topic} for a tag: its SHA-256 in base64url, cut to 32 characters, so the
	 * push service sees a fixed-form name rather than the tag.
	 */
	static String topicOf(String tag) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(tag.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, TOPIC_LENGTH);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] decode(String base64url) {
		return Base64.getUrlDecoder().decode(base64url);
	}

}
