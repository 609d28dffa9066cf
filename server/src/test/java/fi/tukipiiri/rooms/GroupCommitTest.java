package fi.tukipiiri.rooms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fi.tukipiiri.rooms.GroupCommit.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The group commit's queue: what waits is stored together and in order, each item gets
 * its own outcome, the queue refuses when full, and one item's fault does not fail the
 * others.
 */
class GroupCommitTest {

	private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

	private final CountDownLatch firstBatchTaken = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private GroupCommit<String, String> commit;

	@AfterEach
	void close() {
		this.release.countDown();
		if (this.commit != null) {
			this.commit.close(5_000);
		}
	}

	/**
	 * Records each batch, holds the first until released, and answers "stored x" or, for
	 * an item starting with "refuse", a failure of that item alone.
	 */
	private List<Outcome<String>> store(List<String> items) {
		this.batches.add(List.copyOf(items));
		holdFirstBatch();
		return items.stream()
			.map(item -> item.startsWith("refuse") ? Outcome.<String>failed(new IllegalArgumentException(item))
					: Outcome.of("stored " + item))
			.toList();
	}

	/** The first batch waits here until the test releases it. */
	private void holdFirstBatch() {
		if (this.firstBatchTaken.getCount() == 0) {
			return;
		}
		this.firstBatchTaken.countDown();
		try {
			this.release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private GroupCommit<String, String> start(int capacity, Function<List<String>, List<Outcome<String>>> store) {
		this.commit = new GroupCommit<>("test-group-commit", capacity, 3, store,
				failure -> failure instanceof IllegalStateException);
		return this.commit;
	}

	@Test
	void whatArrivesWhileABatchIsStoredIsStoredTogetherInArrivalOrder() throws Exception {
		start(10, this::store);
		CompletableFuture<String> first = this.commit.submit("a");
		assertThat(this.firstBatchTaken.await(5, TimeUnit.SECONDS)).isTrue();
		List<CompletableFuture<String>> rest = new ArrayList<>();
		for (String item : List.of("b", "c", "d", "e")) {
			rest.add(this.commit.submit(item));
		}
		this.release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("stored a");
		for (int i = 0; i < rest.size(); i++) {
			assertThat(rest.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("stored " + "bcde".charAt(i));
		}
		// at most three at once: what waited went in two batches, in order
		assertThat(this.batches).containsExactly(List.of("a"), List.of("b", "c", "d"), List.of("e"));
	}

	@Test
	void eachItemHasItsOwnOutcome() throws Exception {
		start(10, this::store);
		this.commit.submit("a");
		assertThat(this.firstBatchTaken.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> refused = this.commit.submit("refuse me");
		CompletableFuture<String> fine = this.commit.submit("fine");
		this.release.countDown();
		assertThat(fine.get(5, TimeUnit.SECONDS)).isEqualTo("stored fine");
		assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("refuse me");
		assertThat(this.batches).contains(List.of("refuse me", "fine"));
	}

	@Test
	void aFullQueueRefusesAtOnceAndTakesAgainOnceDrained() throws Exception {
		start(2, this::store);
		CompletableFuture<String> first = this.commit.submit("a");
		assertThat(this.firstBatchTaken.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> second = this.commit.submit("b");
		CompletableFuture<String> third = this.commit.submit("c");
		assertThat(this.commit.waiting()).isEqualTo(2);
		assertThatThrownBy(() -> this.commit.submit("d")).isInstanceOf(GroupCommit.Refused.class);
		this.release.countDown();
		CompletableFuture.allOf(first, second, third).get(5, TimeUnit.SECONDS);
		assertThat(this.commit.submit("e").get(5, TimeUnit.SECONDS)).isEqualTo("stored e");
	}

	@Test
	void aBatchThatFailsIsStoredAgainItemByItemSoOnlyTheFaultyItemFails() throws Exception {
		start(10, items -> {
			this.batches.add(List.copyOf(items));
			holdFirstBatch();
			if (items.contains("poison")) {
				throw new IllegalArgumentException("a constraint refused poison");
			}
			return items.stream().map(item -> Outcome.of("stored " + item)).toList();
		});
		List<CompletableFuture<String>> futures = submitTogether("a", "poison", "b");
		assertThat(futures.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("stored a");
		assertThat(futures.get(2).get(5, TimeUnit.SECONDS)).isEqualTo("stored b");
		assertThatThrownBy(() -> futures.get(1).get(5, TimeUnit.SECONDS)).cause()
			.hasMessage("a constraint refused poison");
		assertThat(this.batches).endsWith(List.of("a"), List.of("poison"), List.of("b"));
	}

	@Test
	void anOutageFailsTheWholeBatchWithoutTryingEachItem() throws Exception {
		start(10, items -> {
			this.batches.add(List.copyOf(items));
			holdFirstBatch();
			throw new IllegalStateException("the database is down");
		});
		List<CompletableFuture<String>> futures = submitTogether("a", "b", "c");
		for (CompletableFuture<String> future : futures) {
			assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).cause().hasMessage("the database is down");
		}
		assertThat(this.batches).containsExactly(List.of("gate"), List.of("a", "b", "c"));
	}

	@Test
	void closingStoresWhatWaitsAndTakesNothingNew() throws Exception {
		start(10, this::store);
		this.commit.submit("a");
		assertThat(this.firstBatchTaken.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> waiting = this.commit.submit("b");
		Thread closer = new Thread(() -> this.commit.close(5_000));
		closer.start();
		// close() takes nothing new from its first step, then waits for the storing
		// thread
		while (closer.getState() != Thread.State.TIMED_WAITING) {
			Thread.onSpinWait();
		}
		assertThatThrownBy(() -> this.commit.submit("late")).isInstanceOf(GroupCommit.Refused.class);
		this.release.countDown();
		assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("stored b");
		closer.join(5_000);
	}

	/**
	 * Submits the items while the storing thread is held on a first item, so that they go
	 * into one batch, then lets it go.
	 */
	private List<CompletableFuture<String>> submitTogether(String... items) throws InterruptedException {
		this.commit.submit("gate");
		assertThat(this.firstBatchTaken.await(5, TimeUnit.SECONDS)).isTrue();
		List<CompletableFuture<String>> futures = new ArrayList<>();
		for (String item : items) {
			futures.add(this.commit.submit(item));
		}
		this.release.countDown();
		return futures;
	}

}
