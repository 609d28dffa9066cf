/**
 * Notifications: each person's in-app notices (enrolment, waitlist, schedule changes,
 * cancellations, rooms opening), delivered live to their open connections on any node,
 * with e-mail as an optional second channel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package fi.tukipiiri.notifications;
