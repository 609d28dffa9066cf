/**
 * Web Push (RFC 8030, RFC 8291, RFC 8292): notices reach a person's phone or computer
 * through its browser's push service while no Tukipiiri tab is open. The browsers'
 * subscriptions, the VAPID keys, and a sender that delivers one discreet message to every
 * subscription of an account.
 */
@org.springframework.modulith.NamedInterface("push")
package fi.tukipiiri.notifications.push;
