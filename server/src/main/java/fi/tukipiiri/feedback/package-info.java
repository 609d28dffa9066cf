/**
 * Feedback and outcomes: a short form after each attended session, the self-assessment at
 * the first and last meeting of a closed group, and reports of attendance, feedback and
 * change that never single anyone out.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback")
package fi.tukipiiri.feedback;
