/**
 * Cross-cutting configuration only: embedded development infrastructure, error mapping,
 * clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fi.tukipiiri.platform;
