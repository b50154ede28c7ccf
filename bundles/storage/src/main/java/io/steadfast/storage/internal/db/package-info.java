/** The storage bundle's own schema: instance-level settings (table {@code app_setting}). */
@org.osgi.annotation.bundle.Header(name = io.steadfast.storage.Schemas.HEADER, value = "storage; legacy=1")
package io.steadfast.storage.internal.db;
