package fi.tukipiiri.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.moderation.ModerationProblems.InvalidValue;
import fi.tukipiiri.moderation.ModerationProblems.NoCrisisMessage;
import fi.tukipiiri.moderation.ModerationProblems.NoSeries;
import fi.tukipiiri.moderation.ModerationProblems.NotAllowed;
import fi.tukipiiri.moderation.ModerationProblems.ProtectedMember;
import fi.tukipiiri.platform.InvalidFields;
import fi.tukipiiri.rooms.MessageEdit;
import fi.tukipiiri.rooms.ChatMessage;
import fi.tukipiiri.rooms.MessageKind;
import fi.tukipiiri.rooms.MessageService;
import fi.tukipiiri.rooms.Room;
import fi.tukipiiri.rooms.RoomService;
import fi.tukipiiri.rooms.RoomState;
import fi.tukipiiri.series.SessionRooms;
import fi.tukipiiri.text.Refusal;

/**
 * The powers of a room's facilitators (and administrators): each is authorised here, for
 * REST and STOMP alike, written to the audit log in the same transaction, and announced
 * to the room and the person concerned after commit.
 */
@Service
public class ModerationService {

	static final int MAX_REASON = 500;
	static final int MAX_PIN = 1000;
	static final int MAX_MUTE_MINUTES = 7 * 24 * 60;
	static final int MAX_SLOW_MODE_SECONDS = 3600;

	public enum BanScope {

		ROOM, SERIES

	}

	private final Standings standings;

	private final RoomService rooms;

	private final MessageService messages;

	private final Sanctions sanctions;

	private final RoomSettings settings;

	private final SessionRooms sessionRooms;

	private final AuditService audit;

	private final ApplicationEventPublisher events;

	private final ModerationSettings crisisMessage;

	private final Clock clock;

	ModerationService(Standings standings, RoomService rooms, MessageService messages, Sanctions sanctions,
			RoomSettings settings, SessionRooms sessionRooms, AuditService audit, ApplicationEventPublisher events,
			ModerationSettings crisisMessage, Clock clock) {
		this.standings = standings;
		this.rooms = rooms;
		this.messages = messages;
		this.sanctions = sanctions;
		this.settings = settings;
		this.sessionRooms = sessionRooms;
		this.audit = audit;
		this.events = events;
		this.crisisMessage = crisisMessage;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public RoomModerationView view(UUID roomId, UUID accountId) {
		Room room = rooms.requireReader(roomId, accountId, "moderation").room();
		Standing standing = standings.of(roomId, accountId);
		Set<Power> powers = EnumSet.noneOf(Power.class);
		Arrays.stream(Power.values()).filter(standing::may).forEach(powers::add);
		RoomSettings.Settings current = settings.of(roomId);
		Optional<Sanction> mute = sanctions.muteOf(roomId, accountId, clock.instant());
		List<Sanction> inForce = standing.may(Power.REVIEW)
				? sanctions.inForce(roomId, sessionRooms.seriesOf(roomId).orElse(null), clock.instant()) : List.of();
		return new RoomModerationView(roomId, room.state(), current.slowModeSeconds(), current.pinned(), powers,
				mute.isPresent(), mute.map(Sanction::endsAt).orElse(null), inForce);
	}

	/**
	 * The texts a message had before each of its writer's edits, oldest first, for those
	 * who review the room.
	 * @throws ModerationProblems.NotAllowed without the REVIEW power
	 */
	@Transactional(readOnly = true)
	public List<MessageEdit> edits(UUID roomId, UUID reviewerId, UUID messageId) {
		InvalidFields.required(messageId, "messageId");
		standings.require(roomId, reviewerId, Power.REVIEW);
		return messages.edits(roomId, messageId);
	}

	/**
	 * Removes a message: it keeps its place, readers get it without its text.
	 * @throws InvalidFields {@code validation.failed} ({@code not_null}) without
	 * {@code messageId}
	 */
	@Transactional
	public void removeMessage(UUID roomId, UUID actorId, UUID messageId, String reason) {
		InvalidFields.required(messageId, "messageId");
		Standing actor = standings.require(roomId, actorId, Power.REMOVE_MESSAGE);
		String why = reason(reason);
		ChatMessage original = messages.original(roomId, messageId);
		if (original.authorId() != null && !original.authorId().equals(actorId)
				&& standings.of(roomId, original.authorId()).isProtected() && !actor.admin()) {
			throw new ProtectedMember();
		}
		messages.remove(roomId, messageId, actorId, why).ifPresent(removed -> {
			audit.record(actorId, AuditAction.REMOVE_MESSAGE, roomId, removed.authorId(), messageId, why,
					new AuditDetails.Text(removed.body()));
			events.publishEvent(new ModerationUpdate.MessageRemoved(roomId, messageId, removed.seq()));
		});
	}

	/**
	 * Mutes for {@code minutes}, or until lifted when null.
	 * @throws InvalidFields {@code validation.failed} ({@code not_null}) without
	 * {@code accountId}
	 * @throws InvalidValue {@code moderation.invalid_duration} when {@code minutes} is
	 * outside 1–{@value #MAX_MUTE_MINUTES}
	 */
	@Transactional
	public Sanction mute(UUID roomId, UUID actorId, UUID targetId, Integer minutes, String reason) {
		InvalidFields.required(targetId, "accountId");
		Standing actor = standings.require(roomId, actorId, Power.MUTE);
		standings.target(actor, targetId, true);
		if (minutes != null && (minutes < 1 || minutes > MAX_MUTE_MINUTES)) {
			throw new InvalidValue("moderation.invalid_duration",
					"A mute lasts 1 to " + MAX_MUTE_MINUTES + " minutes, or until lifted.");
		}
		Instant now = clock.instant();
		Sanction mute = new Sanction(UUID.randomUUID(), Sanction.Kind.MUTE, roomId, null, targetId, null,
				reason(reason), actorId, now, minutes == null ? null : now.plus(Duration.ofMinutes(minutes)));
		sanctions.insert(mute);
		audit.record(actorId, AuditAction.MUTE, roomId, targetId, null, mute.reason(),
				AuditDetails.Mute.of(mute.endsAt()));
		events.publishEvent(new ModerationUpdate.MemberMuted(roomId, targetId, mute.endsAt()));
		events.publishEvent(new ModerationUpdate.Muted(roomId, targetId, mute.endsAt(),
				ModerationUpdate.reasonOrNull(mute.reason())));
		return mute;
	}

	@Transactional
	public void unmute(UUID roomId, UUID actorId, UUID targetId) {
		InvalidFields.required(targetId, "accountId");
		Standing actor = standings.require(roomId, actorId, Power.MUTE);
		standings.target(actor, targetId, false);
		liftMute(roomId, actorId, targetId, null);
	}

	/**
	 * Lifts the person's mutes in the room, whoever asks (a facilitator's unmute, an
	 * appeal's answer; authorised by the caller): audited as {@code UNMUTE} with the
	 * appeal answered (null for a facilitator's unmute), and told to the room and the
	 * person.
	 * @return whether a mute was in force
	 */
	@Transactional
	boolean liftMute(UUID roomId, UUID actorId, UUID targetId, UUID appealId) {
		if (sanctions.lift(Sanction.Kind.MUTE, roomId, null, targetId, actorId, clock.instant()).isEmpty()) {
			return false;
		}
		audit.record(actorId, AuditAction.UNMUTE, roomId, targetId, null, "", new AuditDetails.Lifted(appealId));
		events.publishEvent(new ModerationUpdate.MemberUnmuted(roomId, targetId));
		events.publishEvent(new ModerationUpdate.Unmuted(targetId, roomId));
		return true;
	}

	@Transactional
	public void removeMember(UUID roomId, UUID actorId, UUID targetId, String reason) {
		InvalidFields.required(targetId, "accountId");
		Standing actor = standings.require(roomId, actorId, Power.REMOVE_MEMBER);
		standings.target(actor, targetId, true);
		String why = reason(reason);
		rooms.removeMember(roomId, targetId);
		audit.record(actorId, AuditAction.REMOVE_MEMBER, roomId, targetId, null, why, new AuditDetails.None());
		events.publishEvent(new ModerationUpdate.MemberRemoved(roomId, targetId));
		events.publishEvent(new ModerationUpdate.Removed(targetId, roomId, ModerationUpdate.reasonOrNull(why)));
	}

	/**
	 * Bans from the room, or with {@code scope} {@code SERIES} from every room of its
	 * series; a null scope is the room.
	 */
	@Transactional
	public Sanction ban(UUID roomId, UUID actorId, UUID targetId, BanScope requestedScope, String reason) {
		InvalidFields.required(targetId, "accountId");
		BanScope scope = requestedScope == null ? BanScope.ROOM : requestedScope;
		Standing actor = standings.require(roomId, actorId, Power.BAN);
		standings.target(actor, targetId, false);
		UUID seriesId = scope == BanScope.SERIES ? sessionRooms.seriesOf(roomId).orElseThrow(NoSeries::new) : null;
		Sanction ban = new Sanction(UUID.randomUUID(), Sanction.Kind.BAN, roomId, seriesId, targetId, null,
				reason(reason), actorId, clock.instant(), null);
		sanctions.insert(ban);
		rooms.removeMember(roomId, targetId);
		audit.record(actorId, scope == BanScope.SERIES ? AuditAction.BAN_SERIES : AuditAction.BAN, roomId, targetId,
				null, ban.reason(), new AuditDetails.Ban(seriesId));
		events.publishEvent(new ModerationUpdate.MemberBanned(roomId, targetId, scope));
		events.publishEvent(
				new ModerationUpdate.Banned(targetId, roomId, scope, ModerationUpdate.reasonOrNull(ban.reason())));
		return ban;
	}

	/** Lifts bans on the person from this room and from its series. */
	@Transactional
	public void unban(UUID roomId, UUID actorId, UUID targetId) {
		InvalidFields.required(targetId, "accountId");
		Standing actor = standings.require(roomId, actorId, Power.BAN);
		standings.target(actor, targetId, false);
		liftBan(roomId, actorId, targetId, null);
	}

	/**
	 * Lifts the person's bans from the room and from its series, whoever asks (a
	 * facilitator's unban, an appeal's answer; authorised by the caller): audited as
	 * {@code UNBAN} with the appeal answered (null for a facilitator's unban), told to
	 * the person live and, as a notice, by {@link BanLifted}.
	 * @return whether a ban was in force
	 */
	@Transactional
	boolean liftBan(UUID roomId, UUID actorId, UUID targetId, UUID appealId) {
		UUID seriesId = sessionRooms.seriesOf(roomId).orElse(null);
		List<UUID> lifted = sanctions.lift(Sanction.Kind.BAN, roomId, seriesId, targetId, actorId, clock.instant());
		if (lifted.isEmpty()) {
			return false;
		}
		audit.record(actorId, AuditAction.UNBAN, roomId, targetId, null, "", new AuditDetails.Lifted(appealId));
		events.publishEvent(new ModerationUpdate.Unbanned(targetId, roomId));
		events.publishEvent(new BanLifted(lifted.get(0), targetId, roomId, sanctions.roomTitle(roomId)));
		return true;
	}

	/**
	 * Locks the room (readable, closed to new messages) or opens it again; archived rooms
	 * stay as they are.
	 * @throws InvalidFields {@code validation.failed} ({@code not_null}) without
	 * {@code locked}
	 */
	@Transactional
	public Room lock(UUID roomId, UUID actorId, Boolean locked) {
		InvalidFields.required(locked, "locked");
		standings.require(roomId, actorId, Power.LOCK);
		Room room = rooms.requireReader(roomId, actorId, "moderation").room();
		if (room.state() == RoomState.ARCHIVED) {
			throw new NotAllowed();
		}
		RoomState wanted = locked ? RoomState.READ_ONLY : RoomState.OPEN;
		if (room.state() == wanted) {
			return room;
		}
		Room changed = rooms.changeState(roomId, wanted);
		audit.record(actorId, locked ? AuditAction.LOCK : AuditAction.UNLOCK, roomId, null, null, "",
				new AuditDetails.None());
		events.publishEvent(new ModerationUpdate.RoomLockChanged(roomId, wanted));
		return changed;
	}

	/**
	 * Sets the least time between two messages of one person in the room; 0 turns slow
	 * mode off.
	 * @throws InvalidFields {@code validation.failed} ({@code not_null}) without
	 * {@code seconds}
	 * @throws InvalidValue {@code moderation.invalid_slow_mode} outside
	 * 0–{@value #MAX_SLOW_MODE_SECONDS}
	 */
	@Transactional
	public void slowMode(UUID roomId, UUID actorId, Integer seconds) {
		InvalidFields.required(seconds, "seconds");
		standings.require(roomId, actorId, Power.SLOW_MODE);
		if (seconds < 0 || seconds > MAX_SLOW_MODE_SECONDS) {
			throw new InvalidValue("moderation.invalid_slow_mode",
					"Slow mode is 0 (off) to " + MAX_SLOW_MODE_SECONDS + " seconds.");
		}
		settings.setSlowMode(roomId, seconds);
		audit.record(actorId, AuditAction.SLOW_MODE, roomId, null, null, "", new AuditDetails.SlowMode(seconds));
		events.publishEvent(new ModerationUpdate.SlowModeSet(roomId, seconds));
	}

	/**
	 * Pins the room's announcement, replacing any earlier one.
	 * @throws InvalidValue {@code moderation.invalid_pin} when {@code text} is missing,
	 * empty after folding or over {@value #MAX_PIN} code points
	 * @throws InvalidFields {@code validation.failed} for {@code text} holding control
	 * characters or too many marks
	 */
	@Transactional
	public Pinned pin(UUID roomId, UUID actorId, String text) {
		standings.require(roomId, actorId, Power.PIN);
		String announcement = ModerationFieldLimits.PIN.check(text).orElseThrow(refused -> switch (refused.refusal()) {
			case EMPTY, TOO_LONG ->
				new InvalidValue("moderation.invalid_pin", "An announcement has 1 to " + MAX_PIN + " characters.");
			default -> InvalidFields.of("text", refused.code(), refused.message());
		});
		settings.pin(roomId, announcement, actorId, clock.instant());
		Pinned pinned = settings.of(roomId).pinned();
		audit.record(actorId, AuditAction.PIN, roomId, null, null, "", new AuditDetails.Text(announcement));
		events.publishEvent(new ModerationUpdate.AnnouncementPinned(roomId, pinned.text(), pinned.pinnedByName(),
				pinned.pinnedAt()));
		return pinned;
	}

	@Transactional
	public void unpin(UUID roomId, UUID actorId) {
		standings.require(roomId, actorId, Power.PIN);
		if (settings.unpin(roomId)) {
			audit.record(actorId, AuditAction.UNPIN, roomId, null, null, "", new AuditDetails.None());
			events.publishEvent(new ModerationUpdate.AnnouncementUnpinned(roomId));
		}
	}

	/**
	 * Sends the configured crisis message (help numbers, how to ask for a private talk)
	 * into the room as the caller's message, in every configured language, so that each
	 * reader reads it in their own. Sending the same {@code clientId} again stores
	 * nothing new.
	 * @throws ModerationProblems.NoCrisisMessage {@code moderation.no_crisis_message}
	 * (409) when none is configured
	 */
	@Transactional
	public ChatMessage sendCrisisMessage(UUID roomId, UUID actorId, String clientId) {
		standings.require(roomId, actorId, Power.CRISIS_MESSAGE);
		Map<String, String> texts = new LinkedHashMap<>();
		crisisMessage.crisisMessage().forEach((language, text) -> {
			if (text != null && !text.isBlank()) {
				texts.put(language, text.strip());
			}
		});
		if (texts.isEmpty()) {
			throw new NoCrisisMessage();
		}
		MessageService.Sent sent = messages.sendTranslated(roomId, actorId, clientId, MessageKind.CRISIS, texts);
		if (!sent.duplicate()) {
			audit.record(actorId, AuditAction.CRISIS_MESSAGE, roomId, null, sent.message().id(), "",
					new AuditDetails.None());
		}
		return sent.message();
	}

	/**
	 * A moderation reason under the single-line text policy: optional, up to
	 * {@value #MAX_REASON} code points.
	 * @throws InvalidValue {@code moderation.reason_too_long}
	 * @throws InvalidFields {@code validation.failed} for {@code reason} holding control
	 * characters or too many marks
	 */
	static String reason(String reason) {
		return ModerationFieldLimits.REASON.check(reason)
			.orElseThrow(refused -> refused.refusal() == Refusal.TOO_LONG
					? new InvalidValue("moderation.reason_too_long",
							"A reason has at most " + MAX_REASON + " characters.")
					: InvalidFields.of("reason", refused.code(), refused.message()));
	}

}
