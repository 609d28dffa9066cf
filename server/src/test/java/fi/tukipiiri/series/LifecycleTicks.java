package fi.tukipiiri.series;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other features run one lifecycle pass on a node, on the test's clock,
 * without waiting for the timer.
 */
public final class LifecycleTicks {

	private LifecycleTicks() {
	}

	public static void tick(ApplicationContext node) {
		node.getBean(SessionLifecycle.class).tick();
	}

}
