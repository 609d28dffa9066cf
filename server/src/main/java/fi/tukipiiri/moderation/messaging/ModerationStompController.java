package fi.tukipiiri.moderation.messaging;

import java.security.Principal;
import java.util.UUID;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

import fi.tukipiiri.delivery.Destinations;
import fi.tukipiiri.moderation.ModerationService;
import fi.tukipiiri.moderation.ModerationService.BanScope;
import fi.tukipiiri.platform.InvalidFields;

/**
 * {@code SEND /app/rooms/{roomId}/moderation}: the same powers as the REST API, for a
 * facilitator already connected. Done actions are confirmed on
 * {@code /user/queue/moderation-results}; refusals arrive on {@code /user/queue/errors}.
 */
@Controller
class ModerationStompController {

	private final ModerationService moderation;

	ModerationStompController(ModerationService moderation) {
		this.moderation = moderation;
	}

	enum Action {

		REMOVE_MESSAGE, MUTE, UNMUTE, REMOVE_MEMBER, BAN, UNBAN, LOCK, UNLOCK, SLOW_MODE, PIN, UNPIN, CRISIS_MESSAGE

	}

	record Command(String clientId, Action action, UUID accountId, UUID messageId, Integer minutes, String reason,
			BanScope scope, Integer seconds, String text) {
	}

	record Done(String clientId, UUID roomId, Action action) {
	}

	/**
	 * Does the command's action; the service checks every field, so each refusal has the
	 * code the same command has over REST ({@code validation.failed} naming a missing
	 * field, {@code moderation.invalid_duration}, …).
	 */
	@MessageMapping(Destinations.SEND_MODERATION)
	@SendToUser(destinations = Destinations.MODERATION_RESULTS, broadcast = false)
	Done act(@DestinationVariable UUID roomId, @Payload Command command, Principal sender) {
		UUID actor = UUID.fromString(sender.getName());
		switch (InvalidFields.required(command.action(), "action")) {
			case REMOVE_MESSAGE -> moderation.removeMessage(roomId, actor, command.messageId(), command.reason());
			case MUTE -> moderation.mute(roomId, actor, command.accountId(), command.minutes(), command.reason());
			case UNMUTE -> moderation.unmute(roomId, actor, command.accountId());
			case REMOVE_MEMBER -> moderation.removeMember(roomId, actor, command.accountId(), command.reason());
			case BAN -> moderation.ban(roomId, actor, command.accountId(), command.scope(), command.reason());
			case UNBAN -> moderation.unban(roomId, actor, command.accountId());
			case LOCK -> moderation.lock(roomId, actor, true);
			case UNLOCK -> moderation.lock(roomId, actor, false);
			case SLOW_MODE -> moderation.slowMode(roomId, actor, command.seconds());
			case PIN -> moderation.pin(roomId, actor, command.text());
			case UNPIN -> moderation.unpin(roomId, actor);
			case CRISIS_MESSAGE -> moderation.sendCrisisMessage(roomId, actor, command.clientId());
		}
		return new Done(command.clientId(), roomId, command.action());
	}

}
