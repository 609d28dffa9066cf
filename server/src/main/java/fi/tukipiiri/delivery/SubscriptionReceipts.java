package fi.tukipiiri.delivery;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Answers a {@code SUBSCRIBE} that carries a {@code receipt} header with a
 * {@code RECEIPT} frame (STOMP 1.2, "RECEIPT") once it has been dealt with: registered by
 * this node's broker (for a {@code /user/…} destination, once translated and registered),
 * or refused by an interceptor (a room's refusal is on {@code /user/queue/errors}; a
 * destination nobody may subscribe to is only refused). From a room topic's receipt on,
 * every event of the room reaches the client, so a client fetches what it missed only
 * after it: fetched earlier, an event published between the fetch and the registration
 * would reach it neither way. Spring's simple broker sends no receipts of its own. A
 * refusal sent to the errors queue and the receipt travel separately: either may come
 * first.
 */
@Component
class SubscriptionReceipts implements ExecutorChannelInterceptor {

	private final MessageChannel clientOutbound;

	SubscriptionReceipts(@Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound) {
		this.clientOutbound = clientOutbound;
	}

	/** A subscription dropped or refused by a later interceptor. */
	@Override
	public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
		if (!sent) {
			answer(message);
		}
	}

	/**
	 * A subscription the broker has registered: a user destination is registered by the
	 * handler that translates it (it hands the broker the session's own destination at
	 * once), any other by the broker itself.
	 */
	@Override
	public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
		if (ex != null) {
			return;
		}
		String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
		boolean user = destination != null && destination.startsWith(Destinations.USER + "/");
		if (user ? handler instanceof UserDestinationMessageHandler : handler instanceof AbstractBrokerMessageHandler) {
			answer(message);
		}
	}

	private void answer(Message<?> message) {
		StompHeaderAccessor subscribe = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (subscribe == null || subscribe.getCommand() != StompCommand.SUBSCRIBE || subscribe.getReceipt() == null) {
			return;
		}
		StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
		receipt.setReceiptId(subscribe.getReceipt());
		receipt.setSessionId(subscribe.getSessionId());
		this.clientOutbound.send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
	}

}
