package io.steadfast.itest;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** Pax Exam options that boot the Steadfast distribution built by this module. */
public final class Distribution {

    private static boolean keepingLogs;

    private Distribution() {}

    public static Option[] options(Option... extra) {
        String zip = System.getProperty("steadfast.distribution");
        if (zip == null || !new File(zip).isFile()) {
            throw new IllegalStateException("Distribution not built: " + zip);
        }
        keepLogs();
        int port = freePort();
        List<Option> o = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(zip).toURI().toString())
                        .name("Steadfast")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                // Pax Exam would delete the home with its logs when the container stops: NodeLogs keeps the logs
                keepRuntimeFolder(),
                logLevel(LogLevel.WARN),
                editConfigurationFilePut(
                        "etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(port)),
                // the suites make hundreds of requests a second; RateLimitIT tests the limit on its own node
                editConfigurationFilePut("etc/io.steadfast.platform.cfg", "rateLimit.perUser", "1000000/100000"),
                editConfigurationFilePut("etc/io.steadfast.platform.cfg", "rateLimit.perAddress", "1000000/100000"),
                systemProperty("steadfast.test.port").value(Integer.toString(port)),
                systemProperty("steadfast.test.hotBundle")
                        .value(hotBundle().toUri().toString()),
                systemProperty("steadfast.plugin.measurement")
                        .value(System.getProperty("steadfast.plugin.measurement", "")),
                systemProperty("steadfast.plugin.webhook").value(System.getProperty("steadfast.plugin.webhook", ""))));
        o.addAll(Arrays.asList(extra));
        return o.toArray(new Option[0]);
    }

    /**
     * The logs of the Pax Exam containers outlive them (for LogSecretsIT): the homes of containers that stopped are
     * reduced to their logs in target/node-logs when the test JVM exits, and those an earlier JVM left now.
     */
    private static synchronized void keepLogs() {
        if (!keepingLogs) {
            keepingLogs = true;
            NodeLogs.keepExamHomes();
            Runtime.getRuntime().addShutdownHook(new Thread(NodeLogs::keepExamHomes, "keep-exam-logs"));
        }
    }

    public static int port() {
        return Integer.getInteger("steadfast.test.port");
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds a bundle holding {@code io.steadfast.itest.hot}: a JAX-RS resource registered by an activator. */
    static Path hotBundle() {
        try {
            Path jar = Path.of("target", "hot-resource-bundle.jar").toAbsolutePath();
            Manifest mf = new Manifest();
            Attributes a = mf.getMainAttributes();
            a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            a.putValue("Bundle-ManifestVersion", "2");
            a.putValue("Bundle-SymbolicName", "io.steadfast.itest.hot");
            a.putValue("Bundle-Version", "1.0.0");
            a.putValue("Bundle-Activator", "io.steadfast.itest.hot.HotActivator");
            a.putValue("Import-Package", "javax.ws.rs;version=\"[2,3)\",org.osgi.framework");
            try (OutputStream out = Files.newOutputStream(jar);
                    JarOutputStream j = new JarOutputStream(out, mf)) {
                for (String cls : new String[] {"HotResource", "HotActivator"}) {
                    String entry = "io/steadfast/itest/hot/" + cls + ".class";
                    j.putNextEntry(new JarEntry(entry));
                    try (InputStream in = Distribution.class.getClassLoader().getResourceAsStream(entry)) {
                        in.transferTo(j);
                    }
                    j.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
