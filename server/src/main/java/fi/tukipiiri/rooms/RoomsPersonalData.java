package fi.tukipiiri.rooms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.accounts.PersonalData;

/**
 * A person's rooms and messages. On erasure their messages keep their place in each
 * conversation, so numbering and replies stay intact, but lose their text and their
 * author: readers see a removed message by a deleted user.
 */
@Component
class RoomsPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final Rooms rooms;

	private final AccountService accounts;

	private final Clock clock;

	RoomsPersonalData(JdbcClient jdbc, Rooms rooms, AccountService accounts, Clock clock) {
		this.jdbc = jdbc;
		this.rooms = rooms;
		this.accounts = accounts;
		this.clock = clock;
	}

	record Membership(UUID roomId, String title, RoomKind kind, RoomRole role, Instant joinedAt) {
	}

	/**
	 * @param editedAt when last edited; null when never
	 * @param previousTexts the texts the message had before each edit, oldest first
	 * @param sensitive marked as sensitive (a content note) when sent
	 */
	record OwnMessage(UUID roomId, String roomTitle, long seq, Instant sentAt, String body, boolean removed,
			Instant editedAt, List<String> previousTexts, boolean sensitive) {
	}

	record Export(List<Membership> memberships, List<OwnMessage> messages) {
	}

	@Override
	public String part() {
		return "rooms";
	}

	@Override
	public Object exportOf(UUID accountId) {
		List<Membership> memberships = jdbc.sql("""
				select r.id, r.title, r.kind, m.role, m.joined_at from room_members m join rooms r on r.id = m.room_id
				where m.account_id = :id order by m.joined_at
				""")
			.param("id", accountId)
			.query((rs, n) -> new Membership(rs.getObject("id", UUID.class), rs.getString("title"),
					RoomKind.valueOf(rs.getString("kind")), RoomRole.valueOf(rs.getString("role")),
					rs.getTimestamp("joined_at").toInstant()))
			.list();
		List<OwnMessage> messages = jdbc.sql("""
				select m.room_id, r.title, m.seq, m.sent_at, m.body, m.removed_at is not null as removed, m.edited_at,
				       m.sensitive,
				       array(select e.previous_body from message_edits e where e.message_id = m.id
				             order by e.edited_at, e.id) as previous_texts
				from messages m join rooms r on r.id = m.room_id where m.author_id = :id order by m.sent_at, m.seq
				""")
			.param("id", accountId)
			.query((rs, n) -> new OwnMessage(rs.getObject("room_id", UUID.class), rs.getString("title"),
					rs.getLong("seq"), rs.getTimestamp("sent_at").toInstant(), rs.getString("body"),
					rs.getBoolean("removed"),
					rs.getTimestamp("edited_at") == null ? null : rs.getTimestamp("edited_at").toInstant(),
					List.of((String[]) rs.getArray("previous_texts").getArray()), rs.getBoolean("sensitive")))
			.list();
		return new Export(memberships, messages);
	}

	/**
	 * Also blanks the reasons the person gave for removing others' messages, and replaces
	 * their name in the titles of their private talks ({@link PrivateTalkTitles}), which
	 * the other person keeps.
	 */
	@Override
	public void erase(UUID accountId) {
		jdbc.sql("delete from message_edits e using messages m where m.id = e.message_id and m.author_id = :id")
			.param("id", accountId)
			.update();
		jdbc.sql("""
				update messages set body = '', removed_at = coalesce(removed_at, :now), removal_reason = 'author erased'
				where author_id = :id
				""").param("now", Timestamp.from(clock.instant())).param("id", accountId).update();
		jdbc.sql(
				"update messages set removal_reason = '' where removed_by = :id and author_id is distinct from :id and removal_reason <> ''")
			.param("id", accountId)
			.update();
		String name = accounts.get(accountId).displayName();
		for (Room talk : rooms.privateTalksOf(accountId)) {
			rooms.retitle(talk.id(), PrivateTalkTitles.without(talk.title(), name));
		}
	}

}
