/**
 * EclipseLink settings the domain bundles' persistence units share: {@link
 * io.steadfast.storage.jpa.QuietConstraintLog}, the session log that keeps a handled duplicate key out of the
 * operators' log. A persistence unit names it in {@code eclipselink.logging.logger}, and its bundle imports this
 * package ({@code Import-Package: io.steadfast.storage.jpa,*} in its {@code bnd.bnd}: the name in
 * {@code persistence.xml} is invisible to bnd).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.steadfast.storage.jpa;
