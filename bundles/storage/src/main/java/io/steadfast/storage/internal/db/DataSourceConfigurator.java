package io.steadfast.storage.internal.db;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the Steadfast storage settings (configuration overridden by the environment) into the pax-jdbc-config
 * factory configuration {@code org.ops4j.datasource~steadfast}; pax-jdbc then registers a pooled, XA-aware
 * {@code DataSource} that the persistence unit and the migrations use. A change of settings re-creates the
 * DataSource live.
 */
@Component(immediate = true, configurationPid = StorageConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StorageConfig.class)
public class DataSourceConfigurator {

    static final String FACTORY_PID = "org.ops4j.datasource";

    private static final Logger LOG = LoggerFactory.getLogger(DataSourceConfigurator.class);

    private final ConfigurationAdmin configAdmin;

    @Activate
    public DataSourceConfigurator(@Reference ConfigurationAdmin configAdmin, StorageConfig config) {
        this.configAdmin = configAdmin;
        apply(config);
    }

    @Modified
    void modified(StorageConfig config) {
        apply(config);
    }

    private void apply(StorageConfig config) {
        DatabaseSettings settings;
        try {
            settings = DatabaseSettings.resolve(
                    config.db_url(),
                    config.db_user(),
                    config.db_password(),
                    System.getenv(),
                    System.getProperty("karaf.data"));
        } catch (IllegalArgumentException e) {
            LOG.error("Storage is not configured: {}", e.getMessage());
            return;
        }
        try {
            Configuration c = configAdmin.getFactoryConfiguration(FACTORY_PID, DatabaseSettings.DATA_SOURCE_NAME, "?");
            Dictionary<String, Object> props = new Hashtable<>();
            for (Map.Entry<String, Object> e : settings.dataSourceProperties().entrySet()) {
                props.put(e.getKey(), e.getValue());
            }
            if (c.updateIfDifferent(props)) {
                LOG.info("Database: {}", settings.describe());
            }
        } catch (IOException e) {
            LOG.error("Could not write the data source configuration: {}", e.getMessage());
        }
    }
}
