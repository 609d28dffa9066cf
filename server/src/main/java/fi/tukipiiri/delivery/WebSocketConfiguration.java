package fi.tukipiiri.delivery;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * STOMP 1.2 over a plain WebSocket at {@code /ws}. Each node runs an in-memory broker;
 * the cluster relay feeds it what other nodes publish. Frames of one session keep their
 * order both ways. The STOMP machinery itself is {@link StompHandlerConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer, DisposableBean {

	private static final long HEARTBEAT_MILLIS = 10_000;

	private static final int MAX_FRAME_BYTES = 64 * 1024;

	/** The longest text frame a client may send, in UTF-16 characters. */
	private static final int MAX_TEXT_FRAME_CHARS = 12_288;

	private static final int MAX_BINARY_FRAME_BYTES = 1024;

	private final DeliverySettings settings;

	private final SessionWriters writers;

	/**
	 * The broker's own heart-beat timer; not a bean, so it does not become the
	 * application's task scheduler.
	 */
	private final ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();

	/**
	 * Handles clients' frames (a SEND stores a message: mostly waiting on PostgreSQL, so
	 * more threads than cores). With receive order preserved, each session has at most
	 * one frame here at a time, so the queue holds at most one frame per connection.
	 */
	private final ThreadPoolTaskExecutor inbound = executor("stomp-inbound-", 8);

	/**
	 * Writes what Spring sends (acks, errors, personal queues) to the non-blocking
	 * writers.
	 */
	private final ThreadPoolTaskExecutor outbound = executor("stomp-outbound-", 2);

	private final DrainState drain;

	WebSocketConfiguration(DeliverySettings settings, SessionWriters writers, DrainState drain) {
		this.settings = settings;
		this.writers = writers;
		this.drain = drain;
		heartbeats.setPoolSize(1);
		heartbeats.setThreadNamePrefix("stomp-heartbeat-");
		heartbeats.initialize();
	}

	private static ThreadPoolTaskExecutor executor(String prefix, int threads) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setThreadNamePrefix(prefix);
		executor.initialize();
		return executor;
	}

	@Override
	public void destroy() {
		this.heartbeats.shutdown();
		this.inbound.shutdown();
		this.outbound.shutdown();
	}

	/**
	 * The channels' own threads: runs after Spring Boot's configurer, which would hand
	 * them the application's executor, shared with asynchronous listeners.
	 */
	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.executor(this.inbound);
	}

	@Override
	public void configureClientOutboundChannel(ChannelRegistration registration) {
		registration.executor(this.outbound);
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		// HandshakeOrigins alone decides, and runs first. Spring's own check, which
		// always
		// comes after it, compares with the port Tomcat took from the forwarded headers
		// (80 or
		// 443 whenever X-Forwarded-Port is missing) and would refuse a proxy's own origin
		// on
		// any other port, so it lets through whatever reaches it.
		registry.addEndpoint("/ws")
			.addInterceptors(new DrainingHandshakes(this.drain), new HandshakeOrigins(settings.allowedOrigins()))
			.setAllowedOriginPatterns("*");
		registry.setPreserveReceiveOrder(true);
		registry.setErrorHandler(new StompFrameErrors());
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.enableSimpleBroker("/topic", "/queue")
			.setHeartbeatValue(new long[] { HEARTBEAT_MILLIS, HEARTBEAT_MILLIS })
			.setTaskScheduler(heartbeats);
		registry.setApplicationDestinationPrefixes(Destinations.APP);
		registry.setUserDestinationPrefix(Destinations.USER);
		registry.setPreservePublishOrder(true);
	}

	/**
	 * Tomcat keeps, for every connection, a buffer as large as the largest frame it takes
	 * in, allocated when the connection opens: 64 K characters of text and 64 KB of
	 * binary cost about 200 KB per idle connection. The longest chat message (4,000 code
	 * points, each two UTF-16 characters or a two-character JSON escape) is about 8,000
	 * characters; 12,288 leave room for the frame's headers and JSON (Spring raises each
	 * STOMP session's limit to 16,640, and Tomcat grows a buffer only for such a frame).
	 * Clients send no binary frames.
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(MAX_TEXT_FRAME_CHARS);
		container.setMaxBinaryMessageBufferSize(MAX_BINARY_FRAME_BYTES);
		return container;
	}

	/**
	 * Puts the exact-destination subscription index into the simple broker before it
	 * starts.
	 */
	@Bean
	static BeanPostProcessor exactDestinationSubscriptions(ObjectProvider<ExactDestinationRegistry> registry) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof SimpleBrokerMessageHandler broker) {
					broker.setSubscriptionRegistry(registry.getObject());
				}
				return bean;
			}
		};
	}

	/** The broker's subscriptions, which {@link RoomFanOut} reads as well. */
	@Bean
	static ExactDestinationRegistry brokerSubscriptions() {
		return new ExactDestinationRegistry();
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		// a 4,000-character message is at most 16 KB of UTF-8; anything much larger is
		// not a chat message
		registration.setMessageSizeLimit(MAX_FRAME_BYTES);
		// every connection writes through its SessionWriter, which never blocks: Spring's
		// own buffer stays empty, and the writer enforces the same limits
		registration.setSendBufferSizeLimit((int) this.settings.outboundPerConnection().toBytes());
		registration.setSendTimeLimit((int) this.settings.sendTimeLimit().toMillis());
		registration.addDecoratorFactory(this.writers::decorate);
	}

}
