package fi.tukipiiri.delivery;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

import fi.tukipiiri.platform.ApiProblem;

/**
 * The ERROR frame (STOMP 1.2 §ERROR) that ends a connection whose frame could not be
 * taken in, in practice a frame that does not decode as STOMP (frames refused inside the
 * ordered inbound channel never reach this handler, see {@code StompConnectGate}): its
 * {@code message} header is the refusal's stable code ({@code request.malformed} for a
 * frame that is not STOMP, {@code auth.forbidden}, {@code auth.unauthenticated}, an API
 * problem's own code, else {@code server.error}), with the client's {@code receipt}
 * echoed as {@code receipt-id}. Spring's own handler puts the exception's message there,
 * which names internal classes.
 */
final class StompFrameErrors extends StompSubProtocolErrorHandler {

	private static final byte[] NO_BODY = new byte[0];

	@Override
	public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(code(clientMessage, ex));
		// the STOMP handler still adds to these headers when it sends the frame
		error.setLeaveMutable(true);
		StompHeaderAccessor client = clientMessage == null ? null
				: MessageHeaderAccessor.getAccessor(clientMessage, StompHeaderAccessor.class);
		if (client != null && client.getReceipt() != null) {
			error.setReceiptId(client.getReceipt());
		}
		return MessageBuilder.createMessage(NO_BODY, error.getMessageHeaders());
	}

	/**
	 * The stable code of the first cause that is the client's doing; a frame that did not
	 * decode (no client message) is {@code request.malformed}; anything else
	 * {@code server.error}.
	 */
	static String code(Message<byte[]> clientMessage, Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiProblem problem) {
				return problem.code();
			}
			if (cause instanceof AuthenticationException) {
				return "auth.unauthenticated";
			}
			if (cause instanceof AccessDeniedException) {
				return "auth.forbidden";
			}
			if (cause instanceof StompConversionException) {
				return "request.malformed";
			}
		}
		return clientMessage == null ? "request.malformed" : "server.error";
	}

}
