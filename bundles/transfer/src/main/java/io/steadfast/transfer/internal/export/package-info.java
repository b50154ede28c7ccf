/**
 * The account export's other forms, registered as {@link io.steadfast.api.account.UserDataExporter}s for
 * {@code GET /api/v1/me/export?format=}: {@code csv} (a zip laid out as {@link
 * io.steadfast.transfer.internal.export.CsvLayout}, {@link io.steadfast.transfer.internal.export.CsvExport}) and
 * {@code ics} (the done days, {@link io.steadfast.transfer.internal.export.IcsExport}), both reading the habit
 * bundle through {@code io.steadfast.habit.api.HabitQuery} a page at a time; and the records of the JSON document
 * for reading it back ({@link io.steadfast.transfer.internal.export.SteadfastDocument}). The JSON document itself
 * is written by the identity bundle.
 */
package io.steadfast.transfer.internal.export;
