package fi.tukipiiri.delivery;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * Spring's STOMP-over-WebSocket configuration ({@code @EnableWebSocketMessageBroker}),
 * with one change: a connection closes only after the frames sent to it before the close.
 * <p>
 * Spring's {@code ConcurrentWebSocketSessionDecorator} (which the STOMP handler needs, to
 * keep publish order) drops a frame queued behind another thread's write once the
 * connection is closed: an {@code ERROR} frame answering a bad frame, sent while the
 * thread that wrote {@code CONNECTED} was still inside the decorator, never left the
 * node, and the client saw only the close. Here a close joins the same queue as the
 * frames ({@link SessionWriter.CloseAfterQueued}), and the connection's
 * {@link SessionWriter} closes once everything before it is written.
 */
@Configuration(proxyBeanMethods = false)
class StompHandlerConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {

	@Bean
	@Override
	public WebSocketHandler subProtocolWebSocketHandler(AbstractSubscribableChannel clientInboundChannel,
			AbstractSubscribableChannel clientOutboundChannel) {
		return new SubProtocolWebSocketHandler(clientInboundChannel, clientOutboundChannel) {
			@Override
			protected WebSocketSession decorateSession(WebSocketSession session) {
				return new OrderedClose(session, getSendTimeLimit(), getSendBufferSizeLimit());
			}
		};
	}

	/**
	 * Spring's concurrent session decorator whose close waits in line behind the frames
	 * already sent to it.
	 */
	static final class OrderedClose extends ConcurrentWebSocketSessionDecorator {

		OrderedClose(WebSocketSession writer, int sendTimeLimit, int bufferSizeLimit) {
			super(writer, sendTimeLimit, bufferSizeLimit);
		}

		@Override
		public void close() throws IOException {
			close(CloseStatus.NORMAL);
		}

		@Override
		public void close(CloseStatus status) throws IOException {
			sendMessage(new SessionWriter.CloseAfterQueued(status));
		}

	}

}
