package cn.majordecision.audit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Holds every node on one database to one checkpoint key. The first node to start records its public key; a node
 * whose key differs refuses to start. Without this, a second node that generated its own key in its own audit
 * directory would sign checkpoints the first node ignores (and the other way round), bundles would carry two keys,
 * and nobody would notice until an auditor's verification disagreed between nodes.
 */
@Component
class SigningKeyRegistration implements InitializingBean {

    private final JdbcTemplate jdbc;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final boolean enforced;

    SigningKeyRegistration(JdbcTemplate jdbc, CheckpointSigner signer, Clock clock,
            @Value("${app.audit.one-key-per-database:true}") boolean enforced) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.clock = clock;
        this.enforced = enforced;
    }

    @Override
    public void afterPropertiesSet() {
        if (enforced) {
            check();
        }
    }

    /** Records this node's key on a database that has none yet, else insists that it is the recorded one. */
    void check() {
        String ours = signer.publicKey();
        String recorded = recorded();
        if (recorded == null) {
            try {
                jdbc.update("INSERT INTO audit_signing_key (id, public_key, registered_at) VALUES (1, ?, ?)", ours,
                        LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
                return;
            } catch (DuplicateKeyException anotherNodeWasFaster) {
                recorded = recorded();
            }
        }
        if (!ours.equals(recorded)) {
            throw new IllegalStateException("This node's audit signing key (public key " + ours + ") is not the one"
                    + " recorded in the database (" + recorded + "): every node on one database must sign checkpoints"
                    + " with the same key. Give each node the same app.audit.signing-key and app.audit.public-key, or"
                    + " the same app.audit.directory. 审计检查点签名密钥与数据库登记的不一致，各节点须使用同一密钥。");
        }
    }

    private String recorded() {
        List<String> keys = jdbc.queryForList("SELECT public_key FROM audit_signing_key WHERE id = 1", String.class);
        return keys.isEmpty() ? null : keys.get(0);
    }
}
