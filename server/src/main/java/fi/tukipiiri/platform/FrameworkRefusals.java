package fi.tukipiiri.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Spring's STOMP handler logs a frame it cannot decode, and a frame the destination rules
 * refuse, at ERROR with a whole stack trace and the frame's headers; its user-destination
 * handler does the same when a reply races a client that has just closed its connection.
 * A client could fill the disk with them. These, and only these, become one rate-limited
 * {@link RefusalLog} line each; every other error of those loggers is left as it is.
 * Installed into Logback (Spring Boot's default logging) when the application starts, and
 * again after any reset of the logging configuration.
 */
@Component
class FrameworkRefusals {

	static final String STOMP_HANDLER = "org.springframework.web.socket.messaging.StompSubProtocolHandler";
	static final String USER_DESTINATIONS = "org.springframework.messaging.simp.user.UserDestinationMessageHandler";

	private static final TurboFilter FILTER = new StompRefusalFilter();

	FrameworkRefusals() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			install(context);
			if (context.getCopyOfListenerList().stream().noneMatch(ReinstallOnReset.class::isInstance)) {
				context.addListener(new ReinstallOnReset());
			}
		}
	}

	private static void install(LoggerContext context) {
		if (!context.getTurboFilterList().contains(FILTER)) {
			FILTER.setContext(context);
			FILTER.start();
			context.addTurboFilter(FILTER);
		}
	}

	static final class StompRefusalFilter extends TurboFilter {

		private static final Pattern COMMAND = Pattern.compile("stompCommand=([A-Z]+)");

		private static final RefusalLog REFUSALS = RefusalLog.of("stomp-frame");

		@Override
		public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
				Throwable failure) {
			if (failure == null || level != Level.ERROR || logger == null || format == null) {
				return FilterReply.NEUTRAL;
			}
			if (USER_DESTINATIONS.equals(logger.getName())) {
				return replyToEndedSession(failure);
			}
			if (!STOMP_HANDLER.equals(logger.getName())) {
				return FilterReply.NEUTRAL;
			}
			if (format.startsWith("Failed to parse")) {
				REFUSALS.refused("frame that is not STOMP", failure.getClass().getSimpleName());
				return FilterReply.DENY;
			}
			Throwable refusal = clientRefusal(failure);
			if (refusal != null) {
				Matcher command = COMMAND.matcher(format);
				REFUSALS.refused(command.find() ? command.group(1) : "frame", refusal.getClass().getSimpleName());
				return FilterReply.DENY;
			}
			return FilterReply.NEUTRAL;
		}

		/**
		 * A reply (an ack, an error) to a client that closed its connection right after
		 * sending: Spring then hands the one reply to the person's other sessions and
		 * fails on the second with this assertion, logged with a stack trace. A client
		 * can cause it at will, so it is one rate-limited line like the refusals.
		 */
		private static FilterReply replyToEndedSession(Throwable failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof IllegalArgumentException && cause.getMessage() != null
						&& cause.getMessage().startsWith("Expected mutable SimpMessageHeaderAccessor")) {
					RefusalLog.of("stomp-reply")
						.refused("reply to a user destination", "session ended before the reply");
					return FilterReply.DENY;
				}
			}
			return FilterReply.NEUTRAL;
		}

		/**
		 * The authorisation or validation refusal behind a failed send, if that is what
		 * it was.
		 */
		private static Throwable clientRefusal(Throwable failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof AccessDeniedException || cause instanceof AuthenticationException
						|| cause instanceof ApiProblem) {
					return cause;
				}
			}
			return null;
		}

	}

	/**
	 * Logback drops turbo filters when its configuration is reset; this listener outlives
	 * resets and adds it back.
	 */
	private static final class ReinstallOnReset implements LoggerContextListener {

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onReset(LoggerContext context) {
			install(context);
		}

		@Override
		public void onStart(LoggerContext context) {
			install(context);
		}

		@Override
		public void onStop(LoggerContext context) {
		}

		@Override
		public void onLevelChange(Logger logger, Level level) {
		}

	}

}
