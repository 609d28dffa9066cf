package fi.tukipiiri.delivery;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Answers a {@code SUBSCRIBE} to a room topic that carries a {@code receipt} header with
 * a {@code RECEIPT} frame (STOMP 1.2, "RECEIPT") once this node's broker has registered
 * the subscription, so from then on every event of the room reaches the client. A client
 * fetches what it missed from history only after this frame: fetched earlier, an event
 * published between the fetch and the registration would reach it neither way. Spring's
 * simple broker sends no receipts of its own. A subscription refused by an interceptor
 * after this one (its refusal is on {@code /user/queue/errors}) is answered with a
 * {@code RECEIPT} too, once refused: the frame has been dealt with either way, and a
 * client waiting for it does not wait for ever.
 */
@Component
class SubscriptionReceipts implements ExecutorChannelInterceptor {

	private final MessageChannel clientOutbound;

	SubscriptionReceipts(@Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound) {
		this.clientOutbound = clientOutbound;
	}

	/**
	 * A subscription dropped by a later interceptor ({@code sent} false, no exception).
	 */
	@Override
	public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
		if (!sent && ex == null) {
			answer(message);
		}
	}

	/** A subscription the broker has registered. */
	@Override
	public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
		if (ex == null && handler instanceof AbstractBrokerMessageHandler) {
			answer(message);
		}
	}

	private void answer(Message<?> message) {
		StompHeaderAccessor subscribe = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (subscribe == null || subscribe.getCommand() != StompCommand.SUBSCRIBE || subscribe.getReceipt() == null
				|| subscribe.getDestination() == null
				|| !subscribe.getDestination().startsWith(Destinations.ROOM_TOPICS)) {
			return;
		}
		StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
		receipt.setReceiptId(subscribe.getReceipt());
		receipt.setSessionId(subscribe.getSessionId());
		this.clientOutbound.send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
	}

}
