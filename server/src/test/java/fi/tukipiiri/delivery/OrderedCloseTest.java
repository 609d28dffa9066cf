package fi.tukipiiri.delivery;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A close never overtakes a frame sent before it, even one queued behind another thread's
 * write (the ERROR frame answering a bad frame while CONNECTED was still being written).
 */
class OrderedCloseTest {

	@Test
	void aFrameQueuedBehindAnotherThreadsWriteLeavesBeforeTheClose() throws Exception {
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<Object> wire = new CopyOnWriteArrayList<>();
		WebSocketSession session = new StompHandlerConfiguration.OrderedClose(recording(wire, writing, release), 10_000,
				512 * 1024);

		Thread connected = new Thread(() -> {
			try {
				session.sendMessage(new TextMessage("CONNECTED"));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		connected.start();
		assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
		session.sendMessage(new TextMessage("ERROR"));
		session.close(CloseStatus.PROTOCOL_ERROR);
		release.countDown();
		connected.join(5_000);

		assertThat(wire).containsExactly("CONNECTED", "ERROR",
				new SessionWriter.CloseAfterQueued(CloseStatus.PROTOCOL_ERROR));
	}

	@Test
	void closingWithNothingQueuedClosesAtOnce() throws Exception {
		List<Object> wire = new CopyOnWriteArrayList<>();
		CountDownLatch open = new CountDownLatch(0);
		WebSocketSession session = new StompHandlerConfiguration.OrderedClose(recording(wire, open, open), 10_000,
				512 * 1024);

		session.close();

		assertThat(wire).containsExactly(new SessionWriter.CloseAfterQueued(CloseStatus.NORMAL));
	}

	/**
	 * The connection's writer as the decorator sees it: records what reaches it (a
	 * frame's text, a queued close, or a direct close as {@code closed <code>}); its
	 * first frame is held until {@code release}.
	 */
	private static WebSocketSession recording(List<Object> wire, CountDownLatch writing, CountDownLatch release) {
		return (WebSocketSession) Proxy.newProxyInstance(OrderedCloseTest.class.getClassLoader(),
				new Class<?>[] { WebSocketSession.class }, (proxy, method, args) -> switch (method.getName()) {
					case "sendMessage" -> {
						WebSocketMessage<?> message = (WebSocketMessage<?>) args[0];
						if (message instanceof TextMessage text) {
							if (wire.isEmpty()) {
								writing.countDown();
								release.await(5, TimeUnit.SECONDS);
							}
							wire.add(text.getPayload());
						}
						else {
							wire.add(message);
						}
						yield null;
					}
					case "close" -> {
						wire.add("closed " + (args == null ? 1000 : ((CloseStatus) args[0]).getCode()));
						yield null;
					}
					case "getId" -> "s-1";
					case "toString" -> "recording session";
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

}
