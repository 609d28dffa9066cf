/**
 * Workbook: each person's own answers to their sessions' exercises, read by nobody else,
 * and shared with the group only when they choose to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbook")
package fi.tukipiiri.workbook;
