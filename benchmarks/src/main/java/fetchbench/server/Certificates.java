package fetchbench.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A certificate made for the local server of one run (one JVM): a new EC key pair, self-signed,
 * for 127.0.0.1 and localhost, made by the JDK's keytool; and a truststore that holds only that
 * certificate, which is all the clients trust. Both live in a temporary folder removed at exit.
 *
 * @param keystore           the server's key and certificate (PKCS12)
 * @param keystorePassword   a new random password, for the server only
 * @param truststore         the certificate alone (PKCS12), for the clients
 * @param truststorePassword the truststore's password: it holds nothing secret
 */
public record Certificates(Path keystore, String keystorePassword, Path truststore, String truststorePassword) {

    private static final String ALIAS = "fetchbench-local";
    private static final String TRUSTSTORE_PASSWORD = "fetchbench";
    private static Certificates ofThisJvm;

    /** The certificate of this JVM's run, made on first use. */
    public static synchronized Certificates ofThisJvm() throws IOException {
        if (ofThisJvm == null) {
            ofThisJvm = generate(Files.createTempDirectory("fetchbench-tls-"));
        }
        return ofThisJvm;
    }

    /** A new certificate in {@code folder} (tests make a stranger's with it). */
    public static Certificates generate(Path folder) throws IOException {
        Path keystore = folder.resolve("server.p12");
        Path truststore = folder.resolve("truststore.p12");
        String password = UUID.randomUUID().toString();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=fetchbench local server", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "7", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", password, "-keypass", password));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                keytool.destroyForcibly();
                throw new IOException("keytool could not make the server's certificate: " + output.strip());
            }
        } catch (InterruptedException e) {
            keytool.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the server's certificate", e);
        }
        try {
            Certificate certificate = KeyStore.getInstance(keystore.toFile(), password.toCharArray())
                    .getCertificate(ALIAS);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, certificate);
            try (OutputStream out = Files.newOutputStream(truststore)) {
                trusted.store(out, TRUSTSTORE_PASSWORD.toCharArray());
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the truststore: " + e.getMessage(), e);
        }
        for (Path file : List.of(folder, keystore, truststore)) {
            file.toFile().deleteOnExit();
        }
        return new Certificates(keystore, password, truststore, TRUSTSTORE_PASSWORD);
    }
}
