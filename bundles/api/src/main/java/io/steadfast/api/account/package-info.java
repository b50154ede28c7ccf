/**
 * Accounts as other bundles see them: the user's profile (time zone, week start, day start) and the SPI through
 * which a bundle adds what it stores about a user to the data export ({@link io.steadfast.api.account.UserDataContributor},
 * written through a {@link io.steadfast.api.account.SectionWriter}) and hears of the user's deletion, and the
 * other forms of the export ({@link io.steadfast.api.account.UserDataExporter}: CSV, iCalendar), and the settings an
 * import restores ({@link io.steadfast.api.account.ProfileSettings}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package io.steadfast.api.account;
