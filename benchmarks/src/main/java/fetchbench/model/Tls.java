package fetchbench.model;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What the clients trust: exactly the certificates of one truststore (the run's own, generated
 * for the local server, or the one a user gives for an external target), never everything, and
 * TLS 1.3 only.
 */
public record Tls(SSLContext context, X509TrustManager trustManager) {

    /**
     * The truststore a benchmark fork trusts, and its password: set by the launcher; the same
     * options tell the launcher what an https target's certificate is.
     */
    public static final String TRUSTSTORE_PROPERTY = "fetchbench.truststore";
    public static final String PASSWORD_PROPERTY = "fetchbench.truststorePassword";

    /** Trusts the certificates in {@code truststore} (PKCS12 or JKS) and nothing else. */
    public static Tls trusting(Path truststore, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance(truststore.toFile(), password);
            if (store.size() == 0) {
                throw new IllegalArgumentException("the truststore " + truststore + " holds no certificate, so no "
                        + "server could be trusted; give one that holds the server's certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509TrustManager trust = Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
                    .findFirst().orElseThrow();
            SSLContext context = SSLContext.getInstance(Protocol.TLS_VERSION);
            context.init(null, new TrustManager[] {trust}, null);
            return new Tls(context, trust);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the truststore " + truststore + ": " + e.getMessage(), e);
        }
    }

    /** The truststore this JVM was given, if any. */
    public static Optional<Tls> fromForkProperties() {
        String path = System.getProperty(TRUSTSTORE_PROPERTY);
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(trusting(Path.of(path), System.getProperty(PASSWORD_PROPERTY, "").toCharArray()));
    }

    /** TLS 1.3 only, with the JDK's default ciphers. */
    public SSLParameters parameters() {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(new String[] {Protocol.TLS_VERSION});
        return parameters;
    }
}
