package fi.tukipiiri.workbook;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.PersonalData;

/**
 * One's workbook answers, all one's own text: exported whole and deleted with the
 * account. (An answer one shared is also a message in its room, which the rooms' own
 * erasure empties.)
 */
@Component
class WorkbookPersonalData implements PersonalData {

	private final WorkbookAnswers answers;

	WorkbookPersonalData(WorkbookAnswers answers) {
		this.answers = answers;
	}

	/**
	 * @param position the session's place in the series
	 * @param sharedAt when it was last shared with the group; null when never
	 */
	record OwnAnswer(UUID seriesId, int position, String answer, Instant createdAt, Instant updatedAt,
			Instant sharedAt) {
	}

	@Override
	public String part() {
		return "workbook";
	}

	@Override
	public Object exportOf(UUID accountId) {
		return answers.of(accountId)
			.stream()
			.map(answer -> new OwnAnswer(answer.seriesId(), answer.position(), answer.body(), answer.createdAt(),
					answer.updatedAt(), answer.sharedAt()))
			.toList();
	}

	@Override
	public void erase(UUID accountId) {
		answers.deleteOf(accountId);
	}

}
