package cn.majordecision.audit.offline;

import cn.majordecision.audit.AuditEntry;
import cn.majordecision.audit.AuditLog;
import cn.majordecision.audit.CaseHead;
import cn.majordecision.audit.Checkpoint;
import cn.majordecision.audit.MerkleTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an audit bundle or an archive dossier offline, without the server or its database:
 * {@code java -jar major-decision.jar verify <file.zip> [--key <base64 public key>]}. Prints "verified" with what was
 * checked, or each problem found; exit code 0 only when everything verifies. No Spring, no JPA: it starts in a blink.
 */
public final class BundleVerifier {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE_IN_DOSSIER = "data/audit-bundle.zip";

    /** The outcome: the problems found (none means verified) and what was checked. */
    public record Result(List<String> problems, List<String> checked) {

        public boolean verified() {
            return problems.isEmpty();
        }
    }

    private BundleVerifier() {
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length < 1) {
            out.println("用法 / usage: java -jar major-decision.jar verify <审计材料包或归档包.zip> [--key <公钥>]");
            return 2;
        }
        String pinnedKey = args.length >= 3 && "--key".equals(args[1]) ? args[2].strip() : null;
        Result result;
        try {
            result = verify(Files.readAllBytes(Path.of(args[0])), pinnedKey);
        } catch (IOException e) {
            out.println("无法读取文件 / cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        }
        result.checked().forEach(line -> out.println("  ✓ " + line));
        if (result.verified()) {
            out.println("验证通过 / verified");
            return 0;
        }
        result.problems().forEach(line -> out.println("  ✗ " + line));
        out.println("验证未通过 / NOT verified: " + result.problems().size() + " 处问题 / problem(s)");
        return 1;
    }

    /** Verifies a bundle, or a dossier (a BagIt bag that contains a bundle). */
    public static Result verify(byte[] zip, String pinnedKey) throws IOException {
        Map<String, byte[]> files = unzip(zip);
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        if (files.containsKey("bundle.json")) {
            verifyBundle(files, pinnedKey, problems, checked);
        } else if (files.keySet().stream().anyMatch(name -> name.endsWith("bagit.txt"))) {
            verifyBag(files, pinnedKey, problems, checked);
        } else {
            problems.add("既不是审计材料包也不是归档包（缺少 bundle.json 或 bagit.txt）/ neither a bundle nor a dossier");
        }
        return new Result(problems, checked);
    }

    private static void verifyBag(Map<String, byte[]> files, String pinnedKey, List<String> problems, List<String> checked)
            throws IOException {
        String root = files.keySet().stream().filter(n -> n.endsWith("bagit.txt")).findFirst().orElseThrow()
                .replaceFirst("bagit\\.txt$", "");
        for (String manifest : List.of("manifest-sha256.txt", "tagmanifest-sha256.txt")) {
            byte[] text = files.get(root + manifest);
            if (text == null) {
                problems.add("归档包缺少 " + manifest + " / the bag has no " + manifest);
                continue;
            }
            int lines = 0;
            for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(" {1,2}", 2);
                byte[] content = files.get(root + parts[1].strip());
                lines++;
                if (content == null) {
                    problems.add("清单列出的文件不存在 / listed file missing: " + parts[1]);
                } else if (!sha256(content).equals(parts[0])) {
                    problems.add("文件内容与清单不符（已被改动）/ checksum mismatch: " + parts[1]);
                }
            }
            checked.add(manifest + "：" + lines + " 个文件的 SHA-256 / checksums");
        }
        long payloadFiles = files.keySet().stream().filter(n -> n.startsWith(root + "data/")).count();
        String manifest = new String(files.getOrDefault(root + "manifest-sha256.txt", new byte[0]), StandardCharsets.UTF_8);
        files.keySet().stream().filter(n -> n.startsWith(root + "data/"))
                .filter(n -> !manifest.contains(n.substring(root.length())))
                .forEach(n -> problems.add("清单未列出的文件 / file not in the manifest: " + n.substring(root.length())));
        checked.add("归档包内容 / payload: " + payloadFiles + " 个文件 / files");
        byte[] bundle = files.get(root + BUNDLE_IN_DOSSIER);
        if (bundle == null) {
            problems.add("归档包中没有审计材料包 / the dossier has no " + BUNDLE_IN_DOSSIER);
            return;
        }
        verifyBundle(unzip(bundle), pinnedKey, problems, checked);
    }

    private static void verifyBundle(Map<String, byte[]> files, String pinnedKey, List<String> problems,
            List<String> checked) throws IOException {
        JsonNode bundle = JSON.readTree(files.get("bundle.json"));
        JsonNode checkpoint = bundle.path("checkpoint");
        long treeSize = checkpoint.path("treeSize").asLong();
        String rootHash = checkpoint.path("rootHash").asText();
        String key = checkpoint.path("publicKey").asText();
        if (pinnedKey != null && !pinnedKey.equals(key)) {
            problems.add("检查点不是用指定的公钥签发的 / the checkpoint was not signed with the pinned key");
        }
        String signed = new Checkpoint(treeSize, rootHash, Instant.parse(checkpoint.path("issuedAt").asText()), null, key)
                .signedText();
        if (!signatureValid(key, signed, checkpoint.path("signature").asText())) {
            problems.add("检查点签名无效 / the checkpoint signature is invalid");
        } else {
            checked.add("检查点签名（Ed25519）/ checkpoint signature: 规模 / tree size " + treeSize
                    + "，公钥指纹 / key fingerprint " + sha256(Base64.getDecoder().decode(key)).substring(0, 16));
        }
        int good = 0;
        String caseNumber = bundle.path("caseNumber").asText();
        Chain chain = new Chain(caseNumber, problems);
        long count = 0;
        long lastSequence = -1;
        String lastLeaf = "";
        for (JsonNode node : bundle.path("entries")) {
            long sequence = node.path("sequence").asLong();
            count++;
            lastSequence = sequence;
            lastLeaf = text(node, "leafHash");
            AuditEntry entry = new AuditEntry(sequence, node.path("caseId").isNull() ? null : node.path("caseId").asLong(),
                    text(node, "stage"), text(node, "eventType"), text(node, "actor"), text(node, "role"),
                    Instant.parse(node.path("recordedAt").asText()), text(node, "payload"), text(node, "leafHash"));
            String recomputed = entry.computeLeafHash();
            chain.next(sequence, entry.payload(), recomputed);
            if (!recomputed.equals(entry.leafHash())) {
                problems.add("第 " + sequence + " 条的内容已被改动（哈希不符）/ entry " + sequence + " was altered");
                continue;
            }
            List<byte[]> path = new ArrayList<>();
            node.path("inclusionProof").forEach(h -> path.add(HEX.parseHex(h.asText())));
            if (!MerkleTree.verifyInclusion(sequence, treeSize, HEX.parseHex(recomputed), path, HEX.parseHex(rootHash))) {
                problems.add("第 " + sequence + " 条不在已签名的日志中（包含证明不成立）/ entry " + sequence
                        + " is not in the signed log");
                continue;
            }
            good++;
        }
        checked.add(good + " 条审计日志条目：内容哈希与包含证明 / entries: content hashes and inclusion proofs");
        if (chain.chained > 0) {
            checked.add("本事项的条目按事项编号连续、逐条衔接，没有缺失（共 " + chain.position + " 条）/ the case's entries are "
                    + "complete: numbered and chained without a gap (" + chain.position + ")");
        }
        checkCaseHead(bundle.path("caseHead"), new CaseHead(caseNumber, count, lastSequence, lastLeaf, treeSize, rootHash),
                key, problems, checked);
        for (JsonNode record : bundle.path("tamperedRecords")) {
            problems.add("业务记录与审计日志不符，可能被篡改：" + record.path("description").asText() + " / a business record "
                    + "no longer matches the audit log: " + record.path("table").asText() + " " + record.path("ref").asText());
        }
        if (good == 0 && problems.isEmpty()) {
            problems.add("材料包中没有条目 / the bundle has no entries");
        }
    }

    /**
     * The case's own chain (ADR 0021): each entry written since the chain began carries its number within the case and
     * the leaf hash of the case's previous entry, so an entry left out of the bundle shows as a gap in the numbers and
     * a broken link, named by case and number. Entries from before the chain began carry neither but are counted.
     */
    static final class Chain {

        private final String caseNumber;
        private final List<String> problems;
        /** The case number of the entry last seen: how many entries of the case came before the next one. */
        long position;
        long chained;
        private String previousLeaf;
        private long previousSequence = -1;

        Chain(String caseNumber, List<String> problems) {
            this.caseNumber = caseNumber;
            this.problems = problems;
        }

        void next(long sequence, String payloadText, String leafHash) {
            JsonNode payload;
            try {
                payload = JSON.readTree(payloadText == null ? "{}" : payloadText);
            } catch (IOException e) {
                payload = JSON.createObjectNode();
            }
            long expected = position + 1;
            JsonNode number = payload.path(AuditLog.CASE_ENTRY);
            if (!number.canConvertToLong()) {
                if (chained > 0) {
                    problems.add("第 " + sequence + " 条没有事项内编号，而本事项此前的条目已有编号：条目被伪造 / entry "
                            + sequence + " lacks the case's numbering");
                }
                position = expected;
                previousLeaf = leafHash;
                previousSequence = sequence;
                return;
            }
            long n = number.asLong();
            chained++;
            String between = previousSequence < 0 ? "在日志第 " + sequence + " 条之前"
                    : "在日志第 " + previousSequence + " 条与第 " + sequence + " 条之间";
            if (n > expected) {
                problems.add("材料包缺少事项 " + caseNumber + " 的第 " + (n - 1 > expected ? expected + " 至 " + (n - 1)
                        : String.valueOf(expected)) + " 条条目（按事项编号，" + between + "）：材料包不完整 / case "
                        + caseNumber + " entry " + (n - 1 > expected ? expected + "-" + (n - 1) : expected)
                        + " is missing from the bundle");
            } else if (n < expected) {
                problems.add("第 " + sequence + " 条的事项内编号为 " + n + "，应为 " + expected + "：条目重复或顺序被打乱 / entry "
                        + sequence + " is numbered " + n + " within case " + caseNumber + ", expected " + expected);
            } else {
                String link = payload.path(AuditLog.CASE_PREVIOUS_LEAF).isTextual()
                        ? payload.path(AuditLog.CASE_PREVIOUS_LEAF).asText() : null;
                if (!java.util.Objects.equals(link, previousLeaf)) {
                    problems.add("第 " + sequence + " 条与本事项的前一条不衔接（记录的前一条哈希不符）：中间的条目被替换 / entry "
                            + sequence + " does not link to the case's previous entry");
                }
            }
            position = n;
            previousLeaf = leafHash;
            previousSequence = sequence;
        }
    }

    /**
     * The signed case head says how many of the case's entries the log held under this checkpoint and which was last;
     * entries cut off the end of the bundle leave the case chain whole, so only this shows them missing.
     */
    private static void checkCaseHead(JsonNode signed, CaseHead found, String key, List<String> problems,
            List<String> checked) {
        if (signed.isMissingNode() || signed.isNull()) {
            problems.add("材料包没有签名的事项条目声明，无法证明末尾的条目未被删去 / the bundle has no signed case head, so "
                    + "entries cut off its end would go unnoticed");
            return;
        }
        CaseHead claimed = new CaseHead(found.caseNumber(), signed.path("entries").asLong(),
                signed.path("lastSequence").asLong(), signed.path("lastLeafHash").asText(), found.treeSize(),
                found.rootHash());
        if (!signatureValid(key, claimed.signedText(), signed.path("signature").asText())) {
            problems.add("事项条目声明的签名无效（声明或检查点被改动）/ the case head signature is invalid");
            return;
        }
        if (found.entries() < claimed.entries() || found.lastSequence() != claimed.lastSequence()) {
            problems.add("材料包只有事项 " + found.caseNumber() + " 的 " + found.entries() + " 条条目，签名声明为 "
                    + claimed.entries() + " 条、最后一条为日志第 " + claimed.lastSequence() + " 条：末尾的条目被删去 / the bundle "
                    + "holds " + found.entries() + " of the case's " + claimed.entries() + " entries; the last ones were cut off");
        } else if (found.entries() > claimed.entries() || !claimed.lastLeafHash().equals(found.lastLeafHash())) {
            problems.add("材料包的条目与签名声明不符（条目被添加或替换）/ the bundle's entries do not match its signed case head");
        } else {
            checked.add("事项条目声明（已签名）：共 " + claimed.entries() + " 条，最后一条为日志第 " + claimed.lastSequence()
                    + " 条，末尾没有缺失 / signed case head: " + claimed.entries() + " entries, none cut off the end");
        }
    }

    private static boolean signatureValid(String publicKey, String text, String signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (Exception invalid) {
            return false;
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asText();
    }

    /** SHA-256 of the bytes, hex, as the audit log records a dossier's digest. */
    public static String sha256Hex(byte[] content) {
        return sha256(content);
    }

    static String sha256(byte[] content) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return files;
    }
}
