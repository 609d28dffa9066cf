package fi.tukipiiri.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Stores what arrives together in one go: one thread takes everything waiting (up to
 * {@code maxBatch} items, in arrival order), hands it to {@code store} at once and
 * completes each item's future with its own outcome. Nothing waits on purpose: a batch is
 * whatever arrived while the previous one was being stored, so under light load every
 * batch is one item and under heavy load one transaction serves many.
 * <p>
 * The queue is bounded: when {@code capacity} items wait, {@link #submit} refuses at once
 * ({@link Refused}) instead of queueing without limit. After {@link #close} nothing new
 * is taken, and what waits is still stored.
 *
 * @param <T> what is stored
 * @param <R> what storing one item gives its submitter
 */
final class GroupCommit<T, R> implements AutoCloseable {

	private final BlockingQueue<Pending<T, R>> queue;

	private final int maxBatch;

	private final Function<List<T>, List<Outcome<R>>> store;

	private final Predicate<RuntimeException> sharedFault;

	private final Thread worker;

	private volatile boolean open = true;

	/**
	 * The outcome of one stored item: its result, or the exception its submitter is to
	 * see.
	 */
	record Outcome<R>(R result, RuntimeException failure) {

		static <R> Outcome<R> of(R result) {
			return new Outcome<>(result, null);
		}

		static <R> Outcome<R> failed(RuntimeException failure) {
			return new Outcome<>(null, failure);
		}

	}

	/** Thrown by {@link #submit} when the queue is full or closed. */
	static final class Refused extends RuntimeException {

		Refused(String why) {
			super(why, null, false, false);
		}

	}

	private record Pending<T, R>(T item, CompletableFuture<R> done) {
	}

	/**
	 * @param store stores a batch, in order, and returns one outcome per item in the same
	 * order; when it throws, each item is stored again on its own, and an exception then
	 * fails only that item
	 * @param sharedFault whether a failure is the store's own (an outage, say) rather
	 * than one item's: it then fails the whole batch at once, as trying each item alone
	 * would only fail as many times
	 */
	GroupCommit(String name, int capacity, int maxBatch, Function<List<T>, List<Outcome<R>>> store,
			Predicate<RuntimeException> sharedFault) {
		this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
		this.maxBatch = maxBatch;
		this.store = store;
		this.sharedFault = sharedFault;
		this.worker = new Thread(this::run, name);
		this.worker.start();
	}

	/**
	 * Queues one item; the future completes once its batch has been stored (or failed),
	 * on the storing thread.
	 * @throws Refused when {@code capacity} items are waiting already, or after
	 * {@link #close}
	 */
	CompletableFuture<R> submit(T item) {
		if (!this.open) {
			throw new Refused("closed");
		}
		CompletableFuture<R> done = new CompletableFuture<>();
		if (!this.queue.offer(new Pending<>(item, done))) {
			throw new Refused("full");
		}
		return done;
	}

	/** Items waiting to be stored now. */
	int waiting() {
		return this.queue.size();
	}

	private void run() {
		List<Pending<T, R>> batch = new ArrayList<>(this.maxBatch);
		while (this.open || !this.queue.isEmpty()) {
			try {
				Pending<T, R> first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.maxBatch - 1);
				storeAll(batch);
			}
			catch (InterruptedException stop) {
				Thread.currentThread().interrupt();
				break;
			}
			finally {
				batch.clear();
			}
		}
		// what is left (the thread was interrupted, or an item came in as it stopped) is
		// refused rather than left unanswered
		Pending<T, R> left;
		while ((left = this.queue.poll()) != null) {
			left.done().completeExceptionally(new Refused("closed"));
		}
	}

	private void storeAll(List<Pending<T, R>> batch) {
		List<Outcome<R>> outcomes;
		try {
			outcomes = this.store.apply(batch.stream().map(Pending::item).toList());
		}
		catch (RuntimeException failure) {
			if (batch.size() == 1 || this.sharedFault.test(failure)) {
				batch.forEach(pending -> pending.done().completeExceptionally(failure));
			}
			else {
				// one item's fault (a constraint, a trigger) must not fail the others
				batch.forEach(pending -> storeAll(List.of(pending)));
			}
			return;
		}
		catch (Error fatal) {
			batch.forEach(pending -> pending.done().completeExceptionally(fatal));
			throw fatal;
		}
		for (int i = 0; i < batch.size(); i++) {
			Outcome<R> outcome = outcomes.get(i);
			CompletableFuture<R> done = batch.get(i).done();
			if (outcome.failure() != null) {
				done.completeExceptionally(outcome.failure());
			}
			else {
				done.complete(outcome.result());
			}
		}
	}

	/**
	 * Takes nothing new, stores what waits, and returns when the storing thread has
	 * finished (at most {@code timeoutMillis}).
	 */
	void close(long timeoutMillis) {
		this.open = false;
		try {
			this.worker.join(timeoutMillis);
			if (this.worker.isAlive()) {
				this.worker.interrupt();
				this.worker.join(timeoutMillis);
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		close(10_000);
	}

}
