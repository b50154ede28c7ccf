package io.steadfast.storage;

/**
 * How a bundle brings its own tables. It declares its schema in the manifest header {@value #HEADER}:
 *
 * <pre>
 * Steadfast-Schema: habit; requires="identity"; legacy=3
 * </pre>
 *
 * and carries Flyway SQL migrations ({@code V1__name.sql}, {@code V2__...}) in {@code db/<name>/} of the bundle.
 * The storage bundle runs them when the bundle starts (and again on every new DataSource), each schema with its
 * own history table {@code schema_history_<name>}, after the schemas it {@code requires} (for foreign keys);
 * then it registers {@link SchemaReady} with the service property {@value #PROPERTY}{@code =<name>}, which the
 * bundle's repositories reference: {@code @Reference(target = "(steadfast.schema=habit)") SchemaReady ready}.
 *
 * <p>The header is most easily written with bnd's annotation on a class or package of the bundle:
 * {@code @org.osgi.annotation.bundle.Header(name = Schemas.HEADER, value = "habit; requires=\"identity\"")}.
 *
 * <p>{@code legacy=n} is for the tables that existed before schemas were per bundle (0.1, one history
 * {@code schema_history}): a database on which that shared history reached version {@code n} already has this
 * schema's version-1 tables, so its history starts at version 1 instead of running it. New schemas omit it.
 */
public final class Schemas {

    /** The manifest header that declares a bundle's schema. */
    public static final String HEADER = "Steadfast-Schema";

    /** The service property of {@link SchemaReady} that names the schema. */
    public static final String PROPERTY = "steadfast.schema";

    /** The folder of a schema's migrations inside its bundle: {@code db/<name>}. */
    public static String location(String schema) {
        return "db/" + schema;
    }

    /** The history table of a schema: {@code schema_history_<name>}. */
    public static String historyTable(String schema) {
        return "schema_history_" + schema;
    }

    private Schemas() {}
}
