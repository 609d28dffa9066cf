package fi.tukipiiri.moderation;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

import fi.tukipiiri.platform.OutageLog;

/**
 * Token buckets per person in Redis (Bucket4j), so a limit holds whichever node a request
 * reaches. If Redis cannot be asked, requests pass: the limits protect the service, they
 * are not a source of truth.
 */
@Component
class FloodLimits implements DisposableBean {

	/**
	 * How long a batch of messages waits for Redis to count them before they pass
	 * unchecked.
	 */
	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

	private final LettuceConnectionFactory redis;

	private final BucketConfiguration sends;

	private final BucketConfiguration requests;

	/**
	 * Key prefixes naming the limits, so that changed limits take effect at once instead
	 * of when old buckets expire.
	 */
	private final String sendKey;

	private final String requestKey;

	private volatile StatefulRedisConnection<String, byte[]> connection;

	private volatile ProxyManager<String> buckets;

	FloodLimits(LettuceConnectionFactory redis, ModerationSettings settings) {
		this.redis = redis;
		this.sends = perWindow(settings.sendLimit(), settings.sendWindow());
		this.requests = perWindow(settings.requestLimit(), settings.requestWindow());
		this.sendKey = "tukipiiri:limit:send:" + settings.sendLimit() + "/" + settings.sendWindow().toSeconds() + "s:";
		this.requestKey = "tukipiiri:limit:api:" + settings.requestLimit() + "/" + settings.requestWindow().toSeconds()
				+ "s:";
	}

	/**
	 * For each message, in order, zero if its sender may send it now, otherwise how long
	 * until they may: one take per message (a person with three messages here takes
	 * three), all asked of Redis at once rather than one after another.
	 */
	List<Duration> takeSends(List<UUID> senders) {
		List<CompletableFuture<ConsumptionProbe>> probes;
		try {
			AsyncProxyManager<String> async = buckets().asAsync();
			CompletableFuture<BucketConfiguration> configuration = CompletableFuture.completedFuture(sends);
			probes = senders.stream()
				.map(sender -> async.builder()
					.build(sendKey + sender, () -> configuration)
					.tryConsumeAndReturnRemaining(1))
				.toList();
		}
		catch (RuntimeException ex) {
			OutageLog.of("Flood limits").unavailable("requests and messages pass unchecked", ex);
			return Collections.nCopies(senders.size(), Duration.ZERO);
		}
		return probes.stream().map(FloodLimits::wait).toList();
	}

	private static Duration wait(CompletableFuture<ConsumptionProbe> pending) {
		try {
			ConsumptionProbe probe = pending.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
			return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return Duration.ZERO;
		}
		catch (ExecutionException | TimeoutException ex) {
			OutageLog.of("Flood limits")
				.unavailable("requests and messages pass unchecked",
						new IllegalStateException("Redis did not count the messages", ex));
			return Duration.ZERO;
		}
	}

	/**
	 * Zero if the person may make an API request now, otherwise how long until they may.
	 */
	Duration takeRequest(UUID accountId) {
		return take(requestKey + accountId, () -> requests);
	}

	private Duration take(String key, Supplier<BucketConfiguration> configuration) {
		try {
			ConsumptionProbe probe = buckets().builder().build(key, configuration).tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
		}
		catch (RuntimeException ex) {
			OutageLog.of("Flood limits").unavailable("requests and messages pass unchecked", ex);
			return Duration.ZERO;
		}
	}

	private ProxyManager<String> buckets() {
		if (buckets == null || !connection.isOpen()) {
			synchronized (this) {
				// the connection factory makes a new client when it is restarted (a
				// paused and resumed context); the
				// old client's connection is then closed for good, so a new one is taken
				// from the current client
				if (buckets == null || !connection.isOpen()) {
					// the Spring connection factory's own client, so Redis settings are
					// configured once
					RedisClient client = (RedisClient) redis.getNativeClient();
					if (connection != null) {
						connection.close();
					}
					connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
					buckets = Bucket4jLettuce.casBasedBuilder(connection)
						.expirationAfterWrite(ExpirationAfterWriteStrategy
							.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
						.build();
				}
			}
		}
		return buckets;
	}

	private static BucketConfiguration perWindow(int limit, Duration window) {
		return BucketConfiguration.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, window))
			.build();
	}

	@Override
	public void destroy() {
		if (connection != null) {
			connection.close();
		}
	}

}
