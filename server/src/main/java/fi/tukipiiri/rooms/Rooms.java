package fi.tukipiiri.rooms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** Rooms and their members. */
@Repository
class Rooms {

	private final JdbcClient jdbc;

	Rooms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A room as one account sees it: with that account's room role, if a member. */
	record RoomForAccount(Room room, RoomRole role) {
	}

	void insert(Room room, UUID createdBy) {
		jdbc.sql("""
				insert into rooms (id, title, theme, kind, state, created_by, created_at, format)
				values (:id, :title, :theme, :kind, :state, :createdBy, :createdAt, :format)
				""")
			.param("id", room.id())
			.param("title", room.title())
			.param("theme", room.theme())
			.param("kind", room.kind().name())
			.param("state", room.state().name())
			.param("createdBy", createdBy)
			.param("createdAt", Timestamp.from(room.createdAt()))
			.param("format", room.format().name())
			.update();
	}

	/** The private talks this person is one of the two people of. */
	List<Room> privateTalksOf(UUID accountId) {
		return jdbc.sql("""
				select r.* from rooms r join room_members m on m.room_id = r.id
				where m.account_id = :account and r.kind = 'PRIVATE'
				""").param("account", accountId).query(Rooms::room).list();
	}

	/**
	 * The newest open private talk led by {@code staffId} with {@code participantId} as
	 * its participant.
	 */
	Optional<Room> privateTalkBetween(UUID staffId, UUID participantId) {
		return jdbc.sql("""
				select r.* from rooms r
				join room_members s on s.room_id = r.id and s.account_id = :staff and s.role = 'FACILITATOR'
				join room_members p on p.room_id = r.id and p.account_id = :participant and p.role = 'PARTICIPANT'
				where r.kind = 'PRIVATE' and r.state = 'OPEN'
				order by r.created_at desc, r.id limit 1
				""").param("staff", staffId).param("participant", participantId).query(Rooms::room).optional();
	}

	void retitle(UUID roomId, String title) {
		jdbc.sql("update rooms set title = :title where id = :id").param("title", title).param("id", roomId).update();
	}

	Optional<Room> find(UUID id) {
		return jdbc.sql("select * from rooms where id = :id").param("id", id).query(Rooms::room).optional();
	}

	/**
	 * Rooms the account may enter: every open chat still in use, and every room it is a
	 * member of.
	 */
	List<RoomForAccount> visibleTo(UUID accountId) {
		return jdbc.sql("""
				select r.*, m.role as member_role
				from rooms r left join room_members m on m.room_id = r.id and m.account_id = :accountId
				where m.account_id is not null or (r.kind = 'OPEN' and r.state <> 'ARCHIVED')
				order by r.created_at desc, r.id
				""")
			.param("accountId", accountId)
			.query((rs, n) -> new RoomForAccount(room(rs, n), role(rs.getString("member_role"))))
			.list();
	}

	Optional<RoomRole> memberRole(UUID roomId, UUID accountId) {
		return jdbc.sql("select role from room_members where room_id = :roomId and account_id = :accountId")
			.param("roomId", roomId)
			.param("accountId", accountId)
			.query((rs, n) -> RoomRole.valueOf(rs.getString("role")))
			.optional();
	}

	/** Adds the member, or changes the role of an existing one. */
	void upsertMember(UUID roomId, UUID accountId, RoomRole role, Instant at) {
		jdbc.sql("""
				insert into room_members (room_id, account_id, role, joined_at) values (:roomId, :accountId, :role, :at)
				on conflict (room_id, account_id) do update set role = excluded.role
				""")
			.param("roomId", roomId)
			.param("accountId", accountId)
			.param("role", role.name())
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Adds the member as a participant unless already a member; existing roles are kept.
	 */
	void addParticipantIfAbsent(UUID roomId, UUID accountId, Instant at) {
		jdbc.sql(
				"""
						insert into room_members (room_id, account_id, role, joined_at) values (:roomId, :accountId, 'PARTICIPANT', :at)
						on conflict (room_id, account_id) do nothing
						""")
			.param("roomId", roomId)
			.param("accountId", accountId)
			.param("at", Timestamp.from(at))
			.update();
	}

	boolean deleteMember(UUID roomId, UUID accountId) {
		return jdbc.sql("delete from room_members where room_id = :roomId and account_id = :accountId")
			.param("roomId", roomId)
			.param("accountId", accountId)
			.update() == 1;
	}

	List<RoomMember> members(UUID roomId) {
		return jdbc.sql("""
				select m.account_id, a.display_name, m.role
				from room_members m join accounts a on a.id = m.account_id
				where m.room_id = :roomId order by m.role desc, a.display_name
				""").param("roomId", roomId).query(Rooms::member).list();
	}

	Optional<RoomMember> member(UUID roomId, UUID accountId) {
		return jdbc.sql("""
				select m.account_id, a.display_name, m.role
				from room_members m join accounts a on a.id = m.account_id
				where m.room_id = :roomId and m.account_id = :accountId
				""").param("roomId", roomId).param("accountId", accountId).query(Rooms::member).optional();
	}

	/** A person in a room. */
	record Membership(UUID roomId, UUID accountId) {
	}

	/** Which of these people are members of which of these rooms, and as whom. */
	Map<Membership, RoomMember> members(Collection<Membership> wanted) {
		Map<Membership, RoomMember> found = new HashMap<>();
		jdbc.sql("""
				select m.room_id, m.account_id, a.display_name, m.role
				from room_members m join accounts a on a.id = m.account_id
				join unnest(:rooms, :accounts) as k(room_id, account_id)
				  on m.room_id = k.room_id and m.account_id = k.account_id
				""")
			.param("rooms", new SqlArrayValue("uuid", wanted.stream().map(Membership::roomId).toArray()))
			.param("accounts", new SqlArrayValue("uuid", wanted.stream().map(Membership::accountId).toArray()))
			.query((rs, n) -> found.put(
					new Membership(rs.getObject("room_id", UUID.class), rs.getObject("account_id", UUID.class)),
					member(rs, n)))
			.list();
		return found;
	}

	/**
	 * Every open chat and closed group not archived, newest first, each with its
	 * facilitators and peer supporters (possibly none). Private talks are left out: their
	 * two members are fixed.
	 */
	List<RoomService.Staffing> staffing() {
		Map<UUID, RoomService.Staffing> rooms = new LinkedHashMap<>();
		jdbc.sql("""
				select r.*, m.account_id, a.display_name, m.role
				from rooms r
				left join room_members m on m.room_id = r.id and m.role in ('FACILITATOR', 'PEER_SUPPORTER')
				left join accounts a on a.id = m.account_id
				where r.kind in ('OPEN', 'CLOSED') and r.state <> 'ARCHIVED'
				order by r.created_at desc, r.id, m.role desc, a.display_name
				""").query((rs, n) -> {
			Room room = room(rs, n);
			RoomService.Staffing staffing = rooms.computeIfAbsent(room.id(),
					id -> new RoomService.Staffing(room, new ArrayList<>()));
			if (rs.getObject("account_id") != null) {
				staffing.staff().add(member(rs, n));
			}
			return staffing;
		}).list();
		return rooms.values()
			.stream()
			.map(staffing -> new RoomService.Staffing(staffing.room(), List.copyOf(staffing.staff())))
			.toList();
	}

	/**
	 * Changes the state; closing (read-only or archived) stamps when, reopening clears
	 * it.
	 */
	void updateState(UUID roomId, RoomState state, Instant at) {
		jdbc.sql("""
				update rooms set state = :state,
				    closed_at = case when :open then null else coalesce(closed_at, :at) end
				where id = :id
				""")
			.param("state", state.name())
			.param("open", state.acceptsMessages())
			.param("at", Timestamp.from(at))
			.param("id", roomId)
			.update();
	}

	private static RoomMember member(ResultSet rs, int row) throws SQLException {
		return new RoomMember(rs.getObject("account_id", UUID.class), rs.getString("display_name"),
				RoomRole.valueOf(rs.getString("role")));
	}

	private static RoomRole role(String value) {
		return value == null ? null : RoomRole.valueOf(value);
	}

	private static Room room(ResultSet rs, int row) throws SQLException {
		return new Room(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("theme"),
				RoomKind.valueOf(rs.getString("kind")), RoomState.valueOf(rs.getString("state")),
				rs.getTimestamp("created_at").toInstant(), rs.getLong("last_seq"),
				RoomFormat.valueOf(rs.getString("format")));
	}

}
