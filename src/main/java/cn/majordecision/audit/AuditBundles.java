package cn.majordecision.audit;

import cn.majordecision.cases.CaseService;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's audit bundle: its entries exactly as stored, each with its inclusion proof in the tree of a signed
 * checkpoint, the checkpoint and the public key. Anyone can check it offline with {@code java -jar … verify}.
 */
@Service
public class AuditBundles {

    public static final String FORMAT = "major-decision-audit-bundle/2";
    private static final Set<String> READERS = Set.of("auditors", "archivists");

    private final AuditLog log;
    private final AuditEntries entries;
    private final CaseService cases;
    private final RecordBindings bindings;
    private final CheckpointSigner signer;
    private final ObjectMapper json = new ObjectMapper();

    AuditBundles(AuditLog log, AuditEntries entries, CaseService cases, RecordBindings bindings, CheckpointSigner signer) {
        this.bindings = bindings;
        this.signer = signer;
        this.log = log;
        this.entries = entries;
        this.cases = cases;
    }

    @Transactional
    public byte[] bundle(String caseNumber, Actor reader) {
        if (!reader.isInAny(READERS)) {
            throw DomainException.forbidden("ROLE_REQUIRED", "审计材料包仅供审计人员和档案员下载。");
        }
        return bundle(caseNumber);
    }

    /** The bundle as a zip, for the archive dossier as well. */
    @Transactional
    public byte[] bundle(String caseNumber) {
        Long caseId = cases.get(caseNumber).getId();
        Checkpoint checkpoint = log.currentCheckpoint();
        List<AuditEntry> ofCase = entries.ofCase(caseId).stream().filter(e -> e.sequence() < checkpoint.treeSize()).toList();
        List<List<String>> proofs = log.inclusionProofs(ofCase.stream().map(AuditEntry::sequence).toList(),
                checkpoint.treeSize());
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("caseNumber", caseNumber);
        ObjectNode cp = root.putObject("checkpoint");
        cp.put("treeSize", checkpoint.treeSize());
        cp.put("rootHash", checkpoint.rootHash());
        cp.put("issuedAt", checkpoint.issuedAt().toString());
        cp.put("signature", checkpoint.signature());
        cp.put("publicKey", checkpoint.publicKey());
        // how many entries of the case the signed log holds, and the last: a bundle cut short no longer matches it
        AuditEntry last = ofCase.isEmpty() ? null : ofCase.get(ofCase.size() - 1);
        CaseHead head = new CaseHead(caseNumber, ofCase.size(), last == null ? -1 : last.sequence(),
                last == null ? "" : last.leafHash(), checkpoint.treeSize(), checkpoint.rootHash());
        root.putObject("caseHead").put("entries", head.entries()).put("lastSequence", head.lastSequence())
                .put("lastLeafHash", head.lastLeafHash()).put("signature", signer.sign(head.signedText()));
        // the case's business records that no longer match their entries when the bundle was made (ADR 0021)
        ArrayNode tampered = root.putArray("tamperedRecords");
        bindings.mismatchesOfCase(caseId).forEach(m -> tampered.addObject().put("table", m.table()).put("id", m.id())
                .put("ref", m.ref()).put("reason", m.reason()).put("description", m.describe()));
        ArrayNode list = root.putArray("entries");
        for (int i = 0; i < ofCase.size(); i++) {
            AuditEntry entry = ofCase.get(i);
            ObjectNode node = list.addObject();
            node.put("sequence", entry.sequence());
            if (entry.caseId() == null) {
                node.putNull("caseId");
            } else {
                node.put("caseId", entry.caseId());
            }
            node.put("stage", entry.stage());
            node.put("eventType", entry.eventType());
            node.put("actor", entry.actor());
            node.put("role", entry.role());
            node.put("recordedAt", entry.recordedAt().toString());
            node.put("payload", entry.payload()); // the stored text itself: the leaf hash covers these exact bytes
            node.put("leafHash", entry.leafHash());
            ArrayNode path = node.putArray("inclusionProof");
            proofs.get(i).forEach(path::add);
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
                put(zip, "bundle.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                put(zip, "public-key.txt", (checkpoint.publicKey() + "\n").getBytes(StandardCharsets.UTF_8));
                put(zip, "README.txt", readme(caseNumber).getBytes(StandardCharsets.UTF_8));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String readme(String caseNumber) {
        return """
                决策事项 %1$s 的审计材料包 / Audit bundle of case %1$s

                bundle.json    该事项的全部审计日志条目（原样），每条附其在已签名检查点所对应默克尔树中的包含证明；
                               the case's audit entries as stored, each with its inclusion proof in the signed
                               checkpoint's Merkle tree (RFC 9162 style, SHA-256)
                public-key.txt 检查点签名公钥（Ed25519，X.509，Base64）/ the checkpoint signing key

                离线校验（无需服务器和数据库）/ Verify offline, no server needed:
                    java -jar major-decision.jar verify %1$s-audit-bundle.zip [--key <公钥/public key>]
                请将公钥与本级政府公布的公钥核对，或用 --key 指定。
                Compare the key with the one the government publishes, or pin it with --key.
                """.formatted(caseNumber);
    }
}
