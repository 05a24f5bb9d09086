package cn.majordecision.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Nodes on one database sign audit checkpoints with one key: a node with another key does not start. */
class SigningKeyRegistrationTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directories;
    private JdbcTemplate database;

    @BeforeEach
    void oneDatabase() throws Exception {
        database = new JdbcTemplate(
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V33__audit_signing_key.sql"))
                .replace("${instant}", "TIMESTAMP(6)").replace("${table_options}", "");
        database.execute(migration.replaceAll("(?m)^--.*$", ""));
    }

    @Test
    void theFirstNodeRecordsItsKeyAndNodesWithTheSameKeyStart() {
        // given two nodes configured with one key, each with its own audit directory
        CheckpointSigner first = new CheckpointSigner(directories.resolve("node-1"), "", "");
        String[] key = keyFilesOf(directories.resolve("node-1"));
        CheckpointSigner second = new CheckpointSigner(directories.resolve("node-2"), key[0], key[1]);

        // when both start
        new SigningKeyRegistration(database, first, CLOCK, true).check();
        new SigningKeyRegistration(database, second, CLOCK, true).check();

        // then the database holds the one public key
        assertThat(database.queryForList("SELECT public_key FROM audit_signing_key", String.class))
                .containsExactly(first.publicKey());
    }

    @Test
    void aNodeWithAnotherKeyRefusesToStartAndSaysWhatToConfigure() {
        // given a database whose first node generated its key
        new SigningKeyRegistration(database, new CheckpointSigner(directories.resolve("node-1"), "", ""), CLOCK, true)
                .check();

        // when a second node starts with a key generated in its own directory
        CheckpointSigner stranger = new CheckpointSigner(directories.resolve("node-2"), "", "");

        // then it refuses, naming the settings that fix it
        assertThatThrownBy(() -> new SigningKeyRegistration(database, stranger, CLOCK, true).check())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app.audit.signing-key").hasMessageContaining("same key");
        // unless the check is off (test contexts sharing one database, each with a key of its own)
        new SigningKeyRegistration(database, stranger, CLOCK, false).afterPropertiesSet();
    }

    private static String[] keyFilesOf(Path directory) {
        try {
            return new String[] {Files.readString(directory.resolve("signing-key.pk8.b64")).strip(),
                    Files.readString(directory.resolve("public-key.x509.b64")).strip()};
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
