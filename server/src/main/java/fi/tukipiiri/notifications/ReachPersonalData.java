package fi.tukipiiri.notifications;

import java.util.UUID;

import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.PersonalData;

/**
 * One's e-mail address and settings for notices outside the app, in the export as
 * {@code reach}. They go with the account (on delete cascade), with every link sent and
 * every message still waiting in the outbox.
 */
@Component
class ReachPersonalData implements PersonalData {

	private final ReachSettingsService reach;

	ReachPersonalData(ReachSettingsService reach) {
		this.reach = reach;
	}

	@Override
	public String part() {
		return "reach";
	}

	@Override
	public Object exportOf(UUID accountId) {
		return reach.of(accountId);
	}

	@Override
	public void erase(UUID accountId) {
		// the rows are deleted with the account
	}

}
