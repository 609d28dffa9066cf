package fi.tukipiiri.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fi.tukipiiri.accounts.AccountService;
import fi.tukipiiri.moderation.ModerationProblems.NotYourself;

/**
 * A person's own list of people whose messages their client hides; nobody else sees it,
 * the hidden person included.
 */
@Service
public class HiddenMembers {

	public record Hidden(UUID accountId, String displayName) {
	}

	private final JdbcClient jdbc;

	private final AccountService accounts;

	private final Clock clock;

	HiddenMembers(JdbcClient jdbc, AccountService accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Hidden> of(UUID ownerId) {
		return jdbc.sql("""
				select h.hidden_id, a.display_name from hidden_members h join accounts a on a.id = h.hidden_id
				where h.owner_id = :ownerId order by h.hidden_at
				""")
			.param("ownerId", ownerId)
			.query((rs, n) -> new Hidden(rs.getObject("hidden_id", UUID.class), rs.getString("display_name")))
			.list();
	}

	@Transactional
	public Hidden hide(UUID ownerId, UUID hiddenId) {
		if (ownerId.equals(hiddenId)) {
			throw new NotYourself();
		}
		String name = accounts.getActive(hiddenId).displayName();
		jdbc.sql("""
				insert into hidden_members (owner_id, hidden_id, hidden_at) values (:ownerId, :hiddenId, :at)
				on conflict do nothing
				""")
			.param("ownerId", ownerId)
			.param("hiddenId", hiddenId)
			.param("at", Timestamp.from(clock.instant()))
			.update();
		return new Hidden(hiddenId, name);
	}

	@Transactional
	public void unhide(UUID ownerId, UUID hiddenId) {
		jdbc.sql("delete from hidden_members where owner_id = :ownerId and hidden_id = :hiddenId")
			.param("ownerId", ownerId)
			.param("hiddenId", hiddenId)
			.update();
	}

}
