package fi.tukipiiri.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.moderation.ModerationProblems.AppealAlreadyAnswered;
import fi.tukipiiri.moderation.ModerationProblems.AppealExists;
import fi.tukipiiri.moderation.ModerationProblems.AppealNotFound;
import fi.tukipiiri.moderation.ModerationProblems.NotYourself;
import fi.tukipiiri.moderation.ModerationProblems.SanctionNotFound;
import fi.tukipiiri.platform.InvalidFields;

/**
 * Appeals of mutes and bans: the person concerned appeals a sanction in force once, with
 * a short text; a coordinator or an administrator (checked by the web layer) answers it
 * once, upholding the sanction or lifting it as a facilitator's unmute or unban does.
 * Both steps are audited ({@code APPEAL}, {@code APPEAL_ANSWERED}, with the texts as the
 * lines' reasons) and the answer is told to the person ({@link AppealAnswered}).
 */
@Service
public class AppealService {

	static final int MAX_TEXT = 1000;

	private static final int MAX_LISTED = 200;

	private final Appeals appeals;

	private final ModerationService moderation;

	private final AuditService audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AppealService(Appeals appeals, ModerationService moderation, AuditService audit, ApplicationEventPublisher events,
			Clock clock) {
		this.appeals = appeals;
		this.moderation = moderation;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Appeals a mute or a ban in force on the caller.
	 * @param text 1–{@value #MAX_TEXT} code points under the multi-line text policy
	 * @return the appeal as the caller reads it
	 * @throws InvalidFields {@code validation.failed}: {@code sanctionId} missing
	 * ({@code not_null}), {@code text} missing or empty ({@code not_blank}), too long
	 * ({@code size}) or refused by the text policy
	 * @throws SanctionNotFound {@code moderation.sanction_not_found} (404) when no
	 * sanction with that id is in force on the caller
	 * @throws AppealExists {@code moderation.appeal_exists} (409) when it was appealed
	 * already
	 */
	@Transactional
	public OwnAppeal appeal(UUID accountId, UUID sanctionId, String text) {
		InvalidFields.required(sanctionId, "sanctionId");
		String appeal = ModerationFieldLimits.APPEAL_TEXT.check(text).orThrow("text");
		Instant now = clock.instant();
		Sanction sanction = appeals.inForceOn(sanctionId, accountId, now).orElseThrow(SanctionNotFound::new);
		UUID id = UUID.randomUUID();
		if (!appeals.insert(id, sanctionId, accountId, appeal, now)) {
			throw new AppealExists();
		}
		audit.record(accountId, AuditAction.APPEAL, sanction.roomId(), accountId, null, appeal,
				new AuditDetails.AppealStep(sanction.kind(), sanctionId, null));
		return appeals.of(accountId)
			.stream()
			.filter(own -> own.id().equals(id))
			.findFirst()
			.orElseThrow(IllegalStateException::new);
	}

	/** The caller's own appeals with their answers, newest first. */
	@Transactional(readOnly = true)
	public List<OwnAppeal> own(UUID accountId) {
		return appeals.of(accountId);
	}

	/** The mutes and bans in force on the caller, oldest first, and whether appealed. */
	@Transactional(readOnly = true)
	public List<OwnSanction> sanctionsOn(UUID accountId) {
		return appeals.inForceOn(accountId, clock.instant());
	}

	/**
	 * Appeals oldest first, at most {@value #MAX_LISTED}: unanswered ones ({@code open}
	 * true), answered ones (false) or both (null).
	 */
	@Transactional(readOnly = true)
	public List<Appeal> list(Boolean open) {
		return appeals.list(open, clock.instant(), MAX_LISTED);
	}

	/**
	 * Answers an appeal once; with {@code lift} the sanction is lifted as a facilitator's
	 * unmute (the person's mutes in the room) or unban (their bans from the room and its
	 * series) lifts it, with the same live updates. The person is told.
	 * @param answer 1–{@value #MAX_TEXT} code points under the multi-line text policy
	 * @return the answered appeal
	 * @throws InvalidFields {@code validation.failed}: {@code lift} missing
	 * ({@code not_null}), {@code answer} missing or empty ({@code not_blank}), too long
	 * ({@code size}) or refused by the text policy
	 * @throws AppealNotFound {@code moderation.appeal_not_found} (404)
	 * @throws NotYourself {@code moderation.self} (400) for one's own appeal
	 * @throws AppealAlreadyAnswered {@code moderation.appeal_answered} (409)
	 */
	@Transactional
	public Appeal answer(UUID appealId, UUID answererId, String answer, Boolean lift) {
		String text = ModerationFieldLimits.APPEAL_ANSWER.check(answer).orThrow("answer");
		InvalidFields.required(lift, "lift");
		Instant now = clock.instant();
		Appeal appeal = appeals.find(appealId, now).orElseThrow(AppealNotFound::new);
		if (appeal.accountId().equals(answererId)) {
			throw new NotYourself();
		}
		Appeal.Outcome outcome = lift ? Appeal.Outcome.LIFTED : Appeal.Outcome.UPHELD;
		if (appeal.outcome() != null || !appeals.answer(appealId, answererId, text, outcome, now)) {
			throw new AppealAlreadyAnswered();
		}
		Appeal.AppealedSanction sanction = appeal.sanction();
		audit.record(answererId, AuditAction.APPEAL_ANSWERED, sanction.roomId(), appeal.accountId(), null, text,
				new AuditDetails.AppealStep(sanction.kind(), sanction.id(), outcome));
		if (lift) {
			if (sanction.kind() == Sanction.Kind.MUTE) {
				moderation.liftMute(sanction.roomId(), answererId, appeal.accountId(), appealId);
			}
			else {
				moderation.liftBan(sanction.roomId(), answererId, appeal.accountId(), appealId);
			}
		}
		events.publishEvent(new AppealAnswered(appealId, appeal.accountId(), sanction.roomId(), sanction.roomTitle(),
				sanction.kind(), outcome));
		return appeals.find(appealId, clock.instant()).orElseThrow(AppealNotFound::new);
	}

}
