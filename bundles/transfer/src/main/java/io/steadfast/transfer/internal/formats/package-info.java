/**
 * The readers of the import formats (docs/import.md): Loop Habit Tracker's SQLite backup and CSV export, Habitica's
 * user data export, the generic CSV (and Steadfast's CSV export) and Steadfast's JSON export, each making an
 * {@link io.steadfast.transfer.internal.archive.Archive}; and {@link io.steadfast.transfer.internal.formats.Formats},
 * which tells a file's format by its content. Plain Java: SQLite through sqlite-jdbc, CSV through commons-csv, JSON
 * through Jackson's streaming parser. Every reader treats its file as hostile: whatever it holds ends as an archive or
 * an {@link io.steadfast.transfer.internal.archive.ImportRefused}.
 */
package io.steadfast.transfer.internal.formats;
