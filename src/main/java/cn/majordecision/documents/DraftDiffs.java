package cn.majordecision.documents;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.DraftVersion;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What changed, line by line, between two versions of a case's draft and of its explanation. */
@Service
@Transactional(readOnly = true)
public class DraftDiffs {

    /** How a line fared: the same in both versions, only in the older one, or only in the newer one. */
    public enum Change { UNCHANGED, REMOVED, ADDED }

    /** One line; {@code fromLine} and {@code toLine} count from 1 and are null where the line is absent. */
    public record Line(Change change, Integer fromLine, Integer toLine, String text) {
    }

    public record Version(int version, String createdBy, Instant createdAt, String changeSummary) {
    }

    public record TextDiff(int added, int removed, List<Line> lines) {
    }

    public record DraftDiff(String caseNumber, Version from, Version to, TextDiff text, TextDiff explanation) {
    }

    /** A draft is a few dozen pages; larger text files are compared offline rather than held in memory here. */
    private static final long MAX_DIFF_BYTES = 1024 * 1024;

    private final CaseService cases;
    private final Documents documents;

    DraftDiffs(CaseService cases, Documents documents) {
        this.cases = cases;
        this.documents = documents;
    }

    public DraftDiff diff(String number, int from, int to, Actor actor) {
        DecisionCase decisionCase = documents.visible(number, actor);
        List<DraftVersion> drafts = cases.drafts(decisionCase.getId());
        Optional<DraftVersion> older = drafts.stream().filter(d -> d.getVersionNumber() == from).findFirst();
        Optional<DraftVersion> newer = drafts.stream().filter(d -> d.getVersionNumber() == to).findFirst();
        List<FieldViolation> violations = new ArrayList<>();
        String existing = drafts.isEmpty() ? "本事项尚无草案。" : "本事项现有第 1 至第 " + drafts.size() + " 稿。";
        if (older.isEmpty()) {
            violations.add(new FieldViolation("from", "DRAFT_VERSION_UNKNOWN", "没有第 " + from + " 稿；" + existing));
        }
        if (newer.isEmpty()) {
            violations.add(new FieldViolation("to", "DRAFT_VERSION_UNKNOWN", "没有第 " + to + " 稿；" + existing));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        DraftVersion a = older.get();
        DraftVersion b = newer.get();
        return new DraftDiff(decisionCase.getNumber(), version(a), version(b), lines(a.getText(), b.getText()),
                lines(a.getExplanation(), b.getExplanation()));
    }

    /**
     * The changes between two versions of one uploaded document when both are plain text (a draft kept as a .txt
     * file); empty for other types, whose bytes have no lines to compare, and for files too large to hold in memory.
     */
    public Optional<TextDiff> documentDiff(String number, Long fromId, Long toId, Actor actor) {
        CaseDocument older = documents.find(number, fromId, actor);
        CaseDocument newer = documents.find(number, toId, actor);
        if (!isText(older) || !isText(newer) || older.getSizeBytes() > MAX_DIFF_BYTES
                || newer.getSizeBytes() > MAX_DIFF_BYTES) {
            return Optional.empty();
        }
        return Optional.of(lines(text(older), text(newer)));
    }

    private static boolean isText(CaseDocument document) {
        return document.getMediaType() != null && document.getMediaType().startsWith("text/plain");
    }

    private String text(CaseDocument document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            documents.writeContent(document, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Version version(DraftVersion draft) {
        return new Version(draft.getVersionNumber(), draft.getCreatedBy(), draft.getCreatedAt(), draft.getChangeSummary());
    }

    static TextDiff lines(String older, String newer) {
        List<String> a = split(older);
        List<String> b = split(newer);
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            while (i < delta.getSource().getPosition()) {
                lines.add(new Line(Change.UNCHANGED, i + 1, j + 1, a.get(i)));
                i++;
                j++;
            }
            for (String line : delta.getSource().getLines()) {
                lines.add(new Line(Change.REMOVED, ++i, null, line));
                removed++;
            }
            for (String line : delta.getTarget().getLines()) {
                lines.add(new Line(Change.ADDED, null, ++j, line));
                added++;
            }
        }
        while (i < a.size()) {
            lines.add(new Line(Change.UNCHANGED, i + 1, j + 1, a.get(i)));
            i++;
            j++;
        }
        return new TextDiff(added, removed, lines);
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\\R", -1));
    }
}
