package fi.tukipiiri.moderation;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
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

	/** Zero if the person may send a message now, otherwise how long until they may. */
	Duration takeSend(UUID accountId) {
		return take(sendKey + accountId, () -> sends);
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
