package com.caseflow.infra.identity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.caseflow.infra.StartupException;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * CaseFlow's local OAuth2/OIDC authorization server (Spring Authorization Server): demo staff log in, tools and
 * services get JWT access tokens signed with a key kept under the data directory.
 *
 * <p>On its own: {@code java -Dloader.main=com.caseflow.infra.identity.IdentityServer -jar
 * infra/target/infra-0.1.0-SNAPSHOT-exec.jar [--data-dir=DIR] [--server.port=N]}; the local stack
 * ({@code LocalStack}) starts it inside the stack's JVM through {@link #start}. Its settings are in {@code identity.yml},
 * which no other application reads. Only the classes {@link IdentityConfiguration} imports take part: nothing else
 * in infra is scanned.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(IdentityConfiguration.class)
public class IdentityServer {

    /** The line printed when the server runs on its own and is ready. */
    public static final String READY = "CaseFlow identity server ready:";

    /** With {@code --rotate-signing-key}: rotates the signing key of the data directory and exits (a running server
     * picks the new key up within a minute). */
    public static void main(String[] args) {
        if (List.of(args).contains(ROTATE)) {
            Path dataDir = Path.of(List.of(args).stream().filter(arg -> arg.startsWith("--data-dir="))
                    .map(arg -> arg.substring("--data-dir=".length())).findFirst().orElse(".local/data"));
            List<RSAKey> keys = SigningKeyStore.rotate(SigningKeyStore.file(dataDir));
            System.out.printf("Signing key rotated in %s: kid %s signs now, kid %s stays published%n",
                    SigningKeyStore.file(dataDir), keys.get(0).getKeyID(), keys.get(1).getKeyID());
            return;
        }
        long startedAt = System.nanoTime();
        Running server = run(args, true);
        System.out.printf("%s %s (issuer %s, signing key %s, data in %s, demo users' passwords in %s, started in "
                + "%.1f s)%n", READY, server.url(), server.issuer(), server.keyId(), server.dataDir(),
                server.demoUsers(), (System.nanoTime() - startedAt) / 1e9);
    }

    static final String ROTATE = "--rotate-signing-key";

    /**
     * Starts the server in this JVM and returns when it accepts requests. It registers no shutdown hook: the caller
     * stops it by closing the handle.
     *
     * @param dataDir the signing key is kept in {@code <dataDir>/identity/jwk.json}
     * @param port    where it listens on 127.0.0.1 (0: any free port, see {@link Running#port()}; then pass the
     *                issuer, which otherwise names the port)
     * @param issuer  the issuer URL in the tokens, or null for the configured one ({@code CASEFLOW_ISSUER}, else
     *                {@code http://127.0.0.1:<port>})
     */
    public static Running start(Path dataDir, int port, String issuer) {
        // Checked before Spring starts, so that an unusable key file is one clear line rather than a bean trace.
        SigningKeyStore.loadOrCreate(SigningKeyStore.file(dataDir));
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--caseflow.identity.data-dir=" + dataDir.toAbsolutePath());
        if (issuer != null) {
            args.add("--caseflow.identity.issuer=" + issuer);
        }
        // The hosting process owns the JVM's shutdown and its logging.
        args.add("--logging.register-shutdown-hook=false");
        return run(args.toArray(String[]::new), false);
    }

    private static Running run(String[] args, boolean standalone) {
        List<String> all = new ArrayList<>();
        // identity.yml, not application.yml: no other configuration file on the class path applies here.
        all.add("--spring.config.name=identity");
        all.addAll(List.of(args));
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(IdentityServer.class)
                    .web(WebApplicationType.SERVLET)
                    .registerShutdownHook(standalone)
                    .run(all.toArray(String[]::new));
            return new Running(context);
        } catch (RuntimeException e) {
            // A problem the user can fix (an unreadable key file) is one line for LocalStack, not a bean creation trace.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof StartupException startupProblem) {
                    throw startupProblem;
                }
            }
            throw e;
        }
    }

    /** A started identity server; closing it stops it. */
    public static final class Running implements AutoCloseable {

        private final ConfigurableApplicationContext context;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Running(ConfigurableApplicationContext context) {
            this.context = context;
        }

        /** The port it listens on. */
        public int port() {
            return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        }

        /** Where it listens, e.g. {@code http://127.0.0.1:9000}. */
        public String url() {
            return "http://" + context.getEnvironment().getProperty("server.address", "127.0.0.1") + ":" + port();
        }

        /** The {@code iss} of its tokens. */
        public String issuer() {
            return context.getBean(IdentityProperties.class).issuer();
        }

        /** The {@code kid} of its current signing key, the same across restarts on one data directory. */
        public String keyId() {
            return context.getBean(SigningKeys.class).current().getKeyID();
        }

        /** The {@code kid}s it publishes: the current key's first, then the previous key's if there is one. */
        public List<String> publishedKeyIds() {
            return context.getBean(SigningKeys.class).published().stream().map(RSAKey::getKeyID).toList();
        }

        /** Makes a new signing key, which signs from now on; the current one stays published. */
        public void rotateSigningKey() {
            context.getBean(SigningKeys.class).rotate();
        }

        /** The file with the demo users' passwords, {@code STAFF_ID PASSWORD} a line. */
        public Path demoUsers() {
            return DemoUsers.file(dataDir());
        }

        ConfigurableApplicationContext context() {
            return context;
        }

        public Path dataDir() {
            return context.getBean(IdentityProperties.class).dataDir();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                context.close();
            }
        }
    }
}
