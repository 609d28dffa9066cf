package fi.tukipiiri.rooms;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import fi.tukipiiri.platform.RetentionRule;

/**
 * Deletes messages past their retention time, per room kind. The time counts from when
 * the room closed (a session's room closes when the session ends), or from the message
 * itself in a room that is still open.
 */
@Configuration(proxyBeanMethods = false)
class MessageRetention {

	@Bean
	RetentionRule openChatMessages(JdbcClient jdbc, MessageRetentionTimes settings) {
		return new OfKind("messages.open", RoomKind.OPEN, settings.open(), jdbc);
	}

	@Bean
	RetentionRule closedGroupMessages(JdbcClient jdbc, MessageRetentionTimes settings) {
		return new OfKind("messages.closed", RoomKind.CLOSED, settings.closed(), jdbc);
	}

	@Bean
	RetentionRule privateTalkMessages(JdbcClient jdbc, MessageRetentionTimes settings) {
		return new OfKind("messages.private", RoomKind.PRIVATE, settings.privateTalks(), jdbc);
	}

	private record OfKind(String name, RoomKind kind, Duration keep, JdbcClient jdbc) implements RetentionRule {

		@Override
		public int purge(Instant now) {
			return jdbc.sql("""
					delete from messages m using rooms r
					where r.id = m.room_id and r.kind = :kind and coalesce(r.closed_at, m.sent_at) < :before
					""").param("kind", kind.name()).param("before", Timestamp.from(now.minus(keep))).update();
		}
	}

}
