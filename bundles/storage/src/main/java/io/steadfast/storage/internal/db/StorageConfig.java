package io.steadfast.storage.internal.db;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Steadfast storage",
        description =
                "The database Steadfast keeps its data in. "
                        + "The environment variables STEADFAST_DB_URL, STEADFAST_DB_USER and STEADFAST_DB_PASSWORD override these.")
public @interface StorageConfig {

    String PID = "io.steadfast.storage";

    @AttributeDefinition(
            name = "JDBC URL",
            description = "jdbc:h2:..., jdbc:postgresql://host:5432/db or "
                    + "postgres://user:password@host/db; empty for the embedded H2 file database under data/steadfast",
            required = false)
    String db_url() default "";

    @AttributeDefinition(name = "User", required = false)
    String db_user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String db_password() default "";
}
