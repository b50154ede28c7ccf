/**
 * What an import file says, in Steadfast's terms ({@link io.steadfast.transfer.internal.archive.Archive}), and the
 * readers that make one from each format ({@link io.steadfast.transfer.internal.archive.ArchiveReader}). Plain
 * Java: a reader reads the whole file, within the {@link io.steadfast.transfer.internal.archive.ImportLimits},
 * before anything is written, so a file it refuses changes nothing.
 */
package io.steadfast.transfer.internal.archive;
