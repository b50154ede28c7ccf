/**
 * Accounts as other bundles see them: the user's profile (time zone, week start, day start) and the SPI through
 * which a bundle adds what it stores about a user to the data export and hears of the user's deletion.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package io.steadfast.api.account;
