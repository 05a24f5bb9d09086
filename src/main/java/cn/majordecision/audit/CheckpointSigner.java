package cn.majordecision.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs checkpoints with Ed25519 (the JDK's own provider) and keeps the newest one outside the database. The key
 * comes from {@code app.audit.signing-key}/{@code app.audit.public-key} (base64 PKCS#8 / X.509), else from the audit
 * directory, where it is generated once. It never goes into the database: whoever can write the tables must not be
 * able to sign a rewritten log.
 */
@Component
class CheckpointSigner {

    private static final String ALGORITHM = "Ed25519";
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final KeyPair keys;
    private final String publicKeyText;
    /**
     * Digests of checkpoints whose signature was found good, the 20,000 used most recently (two weeks at one a minute,
     * about 4 MB): enough for the verifications and bundles of a working day; older ones are verified again.
     */
    private final Map<String, Boolean> verified = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 20_000;
        }
    });
    private final Path latestFile;

    CheckpointSigner(@Value("${app.audit.directory:./data/audit}") Path directory,
            @Value("${app.audit.signing-key:}") String signingKey, @Value("${app.audit.public-key:}") String publicKey) {
        try {
            Files.createDirectories(directory);
            this.keys = signingKey.isBlank() ? storedOrNew(directory) : decode(signingKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the audit directory " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit signing key is not a valid Ed25519 key pair", e);
        }
        this.publicKeyText = B64.encodeToString(keys.getPublic().getEncoded());
        this.latestFile = directory.resolve("latest-checkpoint.properties");
    }

    String publicKey() {
        return publicKeyText;
    }

    Checkpoint sign(long treeSize, String rootHash, Instant issuedAt) {
        Checkpoint unsigned = new Checkpoint(treeSize, rootHash, issuedAt, null, publicKeyText);
        return new Checkpoint(treeSize, rootHash, issuedAt, sign(unsigned.signedText()), publicKeyText);
    }

    /** An Ed25519 signature (base64) of the text with the checkpoint key: checkpoints and bundles' case heads. */
    String sign(String text) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * Whether the checkpoint was signed by this application's key (a checkpoint under any other key counts for nothing).
     * A signature found good is remembered, text and signature together, so each stored checkpoint is verified once
     * per node rather than on every verification and bundle; a changed text or signature is verified afresh.
     */
    boolean isOurs(Checkpoint checkpoint) {
        if (!publicKeyText.equals(checkpoint.publicKey()) || checkpoint.signature() == null) {
            return false;
        }
        String signed = digest(checkpoint.signedText() + checkpoint.signature());
        if (verified.containsKey(signed)) {
            return true;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(keys.getPublic());
            verifier.update(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
            boolean good = verifier.verify(B64D.decode(checkpoint.signature()));
            if (good) {
                verified.put(signed, Boolean.TRUE);
            }
            return good;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String digest(String text) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * Keeps the newest checkpoint next to the key as well: a database restored from an old backup brings its old
     * checkpoints with it, and only a copy held elsewhere shows that the log was once longer.
     */
    void remember(Checkpoint checkpoint) {
        Properties p = new Properties();
        p.setProperty("treeSize", Long.toString(checkpoint.treeSize()));
        p.setProperty("rootHash", checkpoint.rootHash());
        p.setProperty("issuedAt", checkpoint.issuedAt().toString());
        p.setProperty("signature", checkpoint.signature());
        p.setProperty("publicKey", checkpoint.publicKey());
        try {
            Path temporary = Files.createTempFile(latestFile.getParent(), "checkpoint", ".tmp");
            try (var out = Files.newOutputStream(temporary)) {
                p.store(out, "newest audit checkpoint");
            }
            Files.move(temporary, latestFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the checkpoint in " + latestFile, e);
        }
    }

    Optional<Checkpoint> remembered() {
        if (!Files.exists(latestFile)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(latestFile)) {
            p.load(in);
            return Optional.of(new Checkpoint(Long.parseLong(p.getProperty("treeSize")), p.getProperty("rootHash"),
                    Instant.parse(p.getProperty("issuedAt")), p.getProperty("signature"), p.getProperty("publicKey")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable copy proves nothing; the database's checkpoints still count
        }
    }

    private static KeyPair storedOrNew(Path directory) throws IOException, GeneralSecurityException {
        Path privateFile = directory.resolve("signing-key.pk8.b64");
        Path publicFile = directory.resolve("public-key.x509.b64");
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return decode(Files.readString(privateFile).strip(), Files.readString(publicFile).strip());
        }
        KeyPair generated = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Files.writeString(publicFile, B64.encodeToString(generated.getPublic().getEncoded()));
        Files.writeString(privateFile, B64.encodeToString(generated.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privateFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's own ACL protects it
        }
        return generated;
    }

    private static KeyPair decode(String privateKey, String publicKey) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
        PrivateKey signing = factory.generatePrivate(new PKCS8EncodedKeySpec(B64D.decode(privateKey)));
        PublicKey verifying = factory.generatePublic(new X509EncodedKeySpec(B64D.decode(publicKey)));
        return new KeyPair(verifying, signing);
    }
}
