package cn.majordecision.audit;

import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public feed of signed checkpoints (ADR 0022), newest first, for anyone to save: a database later rolled back or
 * rewritten cannot match what was saved. Only checkpoints under the application's key are listed; no entries, no
 * personal data.
 */
@Service
public class CheckpointFeed {

    public static final int MAX_SIZE = 100;

    /** One page of the feed; {@code more} says whether an older page follows. */
    public record Page(String origin, String publicKey, int page, int size, boolean more, List<Checkpoint> checkpoints) {
    }

    private final AuditEntries entries;
    private final CheckpointSigner signer;

    CheckpointFeed(AuditEntries entries, CheckpointSigner signer) {
        this.entries = entries;
        this.signer = signer;
    }

    @Transactional(readOnly = true)
    public Page page(int page, int size) {
        if (page < 0) {
            throw DomainException.invalid(List.of(new FieldViolation("page", "INVALID_PAGE", "页码不能为负数。")));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid(List.of(new FieldViolation("size", "INVALID_PAGE_SIZE",
                    "每页至少 1 个、最多 " + MAX_SIZE + " 个检查点。")));
        }
        if ((long) page * size > Integer.MAX_VALUE - size) {
            throw DomainException.invalid(List.of(new FieldViolation("page", "INVALID_PAGE", "页码过大。")));
        }
        List<Checkpoint> rows = entries.checkpointsNewestFirst(page * size, size + 1);
        boolean more = rows.size() > size;
        List<Checkpoint> ours = rows.stream().limit(size).filter(signer::isOurs).toList();
        return new Page(Checkpoint.ORIGIN, signer.publicKey(), page, size, more, ours);
    }
}
