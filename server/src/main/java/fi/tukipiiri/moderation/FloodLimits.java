package fi.tukipiiri.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import fi.tukipiiri.platform.RedisGuard;
import fi.tukipiiri.platform.ServiceUnavailable;

/**
 * Token buckets per person in Redis (Bucket4j), so a limit holds whichever node a request
 * reaches. While Redis cannot be asked ({@link RedisGuard}), each node counts in buckets
 * of its own with the same limits: a person then gets at most the limit on each node they
 * reach, rather than no limit or no service (decision 23). The node's buckets are dropped
 * once full again.
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

	private final RedisGuard guard;

	/** This node's own buckets, used while Redis cannot be asked: key → bucket. */
	private final ConcurrentMap<String, Bucket> local = new ConcurrentHashMap<>();

	private volatile StatefulRedisConnection<String, byte[]> connection;

	/** The client {@link #connection} was made with. */
	private volatile RedisClient connectedClient;

	private volatile ProxyManager<String> buckets;

	FloodLimits(LettuceConnectionFactory redis, ModerationSettings settings, RedisGuard guard) {
		this.guard = guard;
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
		if (!guard.available()) {
			return senders.stream().map(sender -> takeLocally(sendKey + sender, sends)).toList();
		}
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
			guard.failed("flood limits", ex);
			return senders.stream().map(sender -> takeLocally(sendKey + sender, sends)).toList();
		}
		List<Duration> waits = new ArrayList<>(senders.size());
		for (int i = 0; i < senders.size(); i++) {
			Duration wait = wait(probes.get(i));
			waits.add(wait != null ? wait : takeLocally(sendKey + senders.get(i), sends));
		}
		return waits;
	}

	/** The wait Redis answered, or null when it did not answer in time. */
	private Duration wait(CompletableFuture<ConsumptionProbe> pending) {
		try {
			ConsumptionProbe probe = pending.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
			guard.answered();
			return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			guard.failed("flood limits", ex);
			return null;
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
			ConsumptionProbe probe = guard.call("flood limits",
					() -> buckets().builder().build(key, configuration).tryConsumeAndReturnRemaining(1));
			return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
		}
		catch (ServiceUnavailable unavailable) {
			return takeLocally(key, configuration.get());
		}
	}

	/** One take from this node's own bucket for the key. */
	private Duration takeLocally(String key, BucketConfiguration configuration) {
		ConsumptionProbe probe = local.computeIfAbsent(key, name -> {
			var builder = Bucket.builder();
			for (Bandwidth bandwidth : configuration.getBandwidths()) {
				builder.addLimit(bandwidth);
			}
			return builder.build();
		}).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	/**
	 * Forgets this node's buckets that are full again: they would let as much through.
	 */
	@Scheduled(fixedDelay = 60_000)
	void forgetFullBuckets() {
		local.entrySet().removeIf(entry -> {
			long capacity = entry.getKey().startsWith(sendKey) ? sends.getBandwidths()[0].getCapacity()
					: requests.getBandwidths()[0].getCapacity();
			return entry.getValue().getAvailableTokens() >= capacity;
		});
	}

	/** This node's own buckets now, for tests. */
	int localBuckets() {
		return local.size();
	}

	private ProxyManager<String> buckets() {
		// the Spring connection factory's own client, so Redis settings are configured
		// once; a lost connection is made again by Lettuce itself, and commands fail at
		// once meanwhile (platform.RedisClientConfiguration)
		RedisClient client = (RedisClient) redis.getNativeClient();
		if (buckets == null || client != connectedClient) {
			synchronized (this) {
				// the connection factory makes a new client when it is restarted (a
				// paused and resumed context); the old client's connection is then closed
				// for good, so a new one is taken from the current client
				if (buckets == null || client != connectedClient) {
					if (connection != null) {
						connection.close();
					}
					connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
					connectedClient = client;
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
