package fi.tukipiiri.platform;

import java.time.Instant;

/**
 * One kind of data that is deleted once it is past its retention time; features register
 * theirs as beans.
 */
public interface RetentionRule {

	/** A stable name for the run log, e.g. {@code "messages.open"}. */
	String name();

	/**
	 * Deletes what is past its time at {@code now}; how many rows. Runs inside the
	 * retention job's transaction.
	 */
	int purge(Instant now);

}
