package fi.tukipiiri.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes PostgreSQL refuse, at COMMIT, any transaction that stores a message with one
 * exact body: a deferred constraint trigger, so everything before the commit succeeds.
 * Close it to remove the trigger.
 */
public final class CommitRefusal implements AutoCloseable {

	private final JdbcClient jdbc;

	private CommitRefusal(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Refuses the commit of every transaction storing a message whose body is
	 * {@code body}.
	 */
	public static CommitRefusal of(JdbcClient jdbc, String body) {
		jdbc.sql("""
				create or replace function refuse_marked_message() returns trigger language plpgsql as $$
				begin
				  if new.body = '%s' then raise exception 'refused at commit'; end if;
				  return new;
				end $$""".formatted(body.replace("'", "''"))).update();
		jdbc.sql("drop trigger if exists refuse_marked_message on messages").update();
		jdbc.sql("""
				create constraint trigger refuse_marked_message after insert on messages
				deferrable initially deferred for each row execute function refuse_marked_message()""").update();
		return new CommitRefusal(jdbc);
	}

	@Override
	public void close() {
		this.jdbc.sql("drop trigger if exists refuse_marked_message on messages").update();
	}

}
