package fi.tukipiiri.delivery;

/**
 * This node is stopping and takes no new chat messages: a listener finishes, before it
 * returns, what it has taken in but not yet answered (the message store commits what
 * waits, so every sender gets its acknowledgement or its error on this connection).
 * Published synchronously by {@link Drain}, on the node itself only.
 */
public record NodeDraining() {
}
