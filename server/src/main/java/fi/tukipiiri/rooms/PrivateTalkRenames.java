package fi.tukipiiri.rooms;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.DisplayNameChanged;

/**
 * A private talk's title holds its two people's names ({@link PrivateTalkTitles}): when
 * one of them takes a new name, their talks' titles take it too, so the old name is not
 * kept there.
 */
@Component
class PrivateTalkRenames {

	private final Rooms rooms;

	PrivateTalkRenames(Rooms rooms) {
		this.rooms = rooms;
	}

	@ApplicationModuleListener
	void on(DisplayNameChanged changed) {
		for (Room talk : rooms.privateTalksOf(changed.accountId())) {
			rooms.retitle(talk.id(),
					PrivateTalkTitles.renamed(talk.title(), changed.previousName(), changed.newName()));
		}
	}

}
