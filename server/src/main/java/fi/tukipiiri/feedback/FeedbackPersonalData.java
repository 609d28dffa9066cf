package fi.tukipiiri.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.PersonalData;

/**
 * A person's feedback and self-assessments; they are deleted with the account, and
 * reports count without them.
 */
@Component
class FeedbackPersonalData implements PersonalData {

	private final Answers answers;

	FeedbackPersonalData(Answers answers) {
		this.answers = answers;
	}

	record OwnFeedback(UUID sessionId, int rating, String helped, String better, String freeText, boolean anonymous,
			Instant submittedAt, Instant updatedAt) {
	}

	record Export(List<OwnFeedback> feedback, List<Answers.OwnAssessment> selfAssessments) {
	}

	@Override
	public String part() {
		return "feedback";
	}

	@Override
	public Object exportOf(UUID accountId) {
		return new Export(answers.feedbackBy(accountId)
			.stream()
			.map(f -> new OwnFeedback(f.sessionId(), f.rating(), f.helped(), f.better(), f.freeText(), f.anonymous(),
					f.submittedAt(), f.updatedAt()))
			.toList(), answers.assessmentsBy(accountId));
	}

	@Override
	public void erase(UUID accountId) {
		// the answers go with the account (on delete cascade)
	}

}
