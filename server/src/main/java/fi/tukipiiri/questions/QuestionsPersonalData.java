package fi.tukipiiri.questions;

import java.util.UUID;

import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.PersonalData;
import fi.tukipiiri.rooms.MessageService;

/**
 * The questions a person asked in information sessions. They are the asker's own words,
 * so erasure deletes them, and takes the text out of their published copies in the
 * stream, which keep their place as a deleted user's messages do.
 */
@Component
class QuestionsPersonalData implements PersonalData {

	private final Questions questions;

	private final MessageService messages;

	QuestionsPersonalData(Questions questions, MessageService messages) {
		this.questions = questions;
		this.messages = messages;
	}

	@Override
	public String part() {
		return "questions";
	}

	/**
	 * {@code [{roomId, roomTitle, body, state, askedAt, handledAt}]}, first asked first.
	 */
	@Override
	public Object exportOf(UUID accountId) {
		return questions.by(accountId);
	}

	@Override
	public void erase(UUID accountId) {
		questions.publishedCopiesOf(accountId).forEach(messages::eraseQuestion);
		questions.deleteOf(accountId);
	}

}
