/**
 * Delivery: the only way anything reaches a client live. Features publish typed records
 * ({@link LiveEvent}, {@link AccessWithdrawn}); this module forwards them once their
 * transaction commits, to the destinations of its one catalogue ({@link Destinations}),
 * on every node through the Redis relay, and owns the STOMP broker.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery")
package fi.tukipiiri.delivery;
