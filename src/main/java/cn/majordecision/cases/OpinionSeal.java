package cn.majordecision.cases;

import cn.majordecision.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Experts write independently (Art. 19): while an expert opinion task of the current round is open and not past its
 * deadline, the opinions of that round (recorded after the round's expert selection) are seen by their author only.
 */
public record OpinionSeal(Long afterRecordId) {

    public static final String OPINION_FORM = "write-expert-opinion";
    public static final String SELECTION_FORM = "select-experts";
    public static final OpinionSeal NONE = new OpinionSeal(null);

    /** The seal of a case given its open tasks and the latest expert selection record (by id), at {@code now}. */
    static OpinionSeal of(List<OpenTask> openTasks, Optional<StageRecord> latestSelection, Instant now) {
        List<OpenTask> round = openTasks.stream().filter(t -> OPINION_FORM.equals(t.formKey())).toList();
        boolean running = round.stream().anyMatch(t -> t.due() == null || now.isBefore(t.due()));
        if (!running) {
            return NONE;
        }
        return new OpinionSeal(latestSelection.map(StageRecord::getId).orElse(0L));
    }

    public boolean isSealed() {
        return afterRecordId != null;
    }

    /** Whether this record is an opinion of the running round that the viewer did not write. */
    public boolean hides(StageRecord record, Actor viewer) {
        return isSealed() && OPINION_FORM.equals(record.getFormKey()) && record.getId() > afterRecordId
                && (viewer == null || !viewer.userId().equals(record.getActor()));
    }
}
