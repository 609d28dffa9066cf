/**
 * Accounts: registration, nickname-only guest passes, roles, profile and the admin's user
 * list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package fi.tukipiiri.accounts;
