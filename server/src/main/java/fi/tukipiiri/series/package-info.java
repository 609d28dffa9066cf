/**
 * Series: programme templates, series and their scheduled sessions, enrolment and the
 * public calendar.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Series")
package fi.tukipiiri.series;
